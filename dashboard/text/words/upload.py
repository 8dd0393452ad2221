"""A visitor's commune file on the Carte: the prompt, the report, each problem."""

TEXT: dict[str, dict[str, str]] = {
    # {file} and {size} are filled in the browser (assets/upload_limit.js), {limit} on the server
    "upload_too_large": {
        "fr": "Fichier trop lourd : {file} fait {size} ; la limite est de {limit}. "
        "Il n'a pas été envoyé.",
        "en": "File too large: {file} is {size}; the limit is {limit}. It was not sent.",
    },
    "upload_summary": {
        "fr": "{file} : {good} lignes jointes, {bad} lignes écartées",
        "en": "{file}: {good} rows joined, {bad} rows set aside",
    },
    "upload_row": {"fr": "ligne {row}", "en": "line {row}"},
    "upload_problem_foreign_zip": {
        "fr": "contenu de type classeur Excel (.xlsx) ou archive ZIP, pas un CSV : "
        "enregistrez-le au format CSV",
        "en": "an Excel workbook (.xlsx) or ZIP archive, not a CSV: save it as CSV",
    },
    "upload_problem_foreign_parquet": {
        "fr": "contenu de type fichier Parquet, pas un CSV : enregistrez-le au format CSV",
        "en": "a Parquet file, not a CSV: save it as CSV",
    },
    "upload_problem_binary": {
        "fr": "fichier binaire, pas du texte (octet {byte})",
        "en": "binary file, not text (byte {byte})",
    },
    "upload_problem_empty": {"fr": "fichier vide", "en": "empty file"},
    "upload_problem_no_delimiter": {
        "fr": "une seule colonne : séparez le code INSEE et la valeur par « ; », « , » ou une "
        "tabulation",
        "en": "a single column: separate the INSEE code and the value with ';', ',' or a tab",
    },
    "upload_problem_too_many_rows": {"fr": "plus de {n} lignes", "en": "more than {n} rows"},
    "upload_problem_unreadable": {
        "fr": "CSV illisible, guillemets mal placés ({error})",
        "en": "unreadable CSV, misplaced quotes ({error})",
    },
    "upload_problem_extension": {
        "fr": "seuls les fichiers .csv ou .txt sont acceptés",
        "en": "only .csv or .txt files are accepted",
    },
    "upload_problem_not_base64": {
        "fr": "contenu illisible (pas un envoi base64)",
        "en": "unreadable content (not a base64 upload)",
    },
    "upload_problem_bad_base64": {
        "fr": "contenu illisible (base64 invalide)",
        "en": "unreadable content (invalid base64)",
    },
    "upload_problem_too_large": {
        "fr": "environ {size} octets, au-delà de la limite de {limit} octets",
        "en": "about {size} bytes, over the limit of {limit} bytes",
    },
    "upload_problem_over_limit": {
        "fr": "au-delà de la limite de {limit} octets",
        "en": "over the limit of {limit} bytes",
    },
    "upload_problem_unknown_codes": {
        "fr": "plus de {n} codes INSEE inconnus : la première colonne doit contenir des codes "
        "de communes",
        "en": "more than {n} unknown INSEE codes: the first column must hold municipality codes",
    },
    "upload_problem_no_rows": {"fr": "aucune ligne de données", "en": "no data rows"},
    "upload_column": {"fr": ", colonne {column}", "en": ", column {column}"},
    "upload_missing_code": {"fr": "code INSEE manquant", "en": "INSEE code missing"},
    "upload_bad_code": {
        "fr": "code INSEE mal formé : 5 caractères attendus, comme 01001 ou 2A004",
        "en": "malformed INSEE code: 5 characters expected, like 01001 or 2A004",
    },
    "upload_unknown_code": {"fr": "code INSEE inconnu", "en": "unknown INSEE code"},
    "upload_missing_value": {"fr": "valeur manquante", "en": "value missing"},
    "upload_not_a_number": {"fr": "valeur non numérique", "en": "value not a number"},
    "upload_not_finite": {
        "fr": "valeur infinie ou indéfinie (NaN)",
        "en": "infinite or undefined value (NaN)",
    },
    "upload_extra_column": {
        "fr": "colonne en trop : deux colonnes attendues, code INSEE et valeur",
        "en": "extra column: two columns expected, INSEE code and value",
    },
    "upload_duplicate": {
        "fr": "code en double : même commune ({code} {name}) que la ligne {first}",
        "en": "duplicate code: same municipality ({code} {name}) as line {first}",
    },
    "upload_not_drawn": {
        "fr": "commune absente de la carte : {code} {name}",
        "en": "municipality not on the map: {code} {name}",
    },
    "upload_former_code": {
        "fr": "{found_by} {given} → {code} ({name})",
        "en": "{found_by} {given} → {code} ({name})",
    },
    "upload_header": {"fr": "ligne lue comme en-tête", "en": "line read as a header"},
    "upload_comma_hint": {
        "fr": " (virgule décimale dans un fichier séparé par des virgules ? mettez la valeur "
        "entre guillemets ou séparez les colonnes par « ; »)",
        "en": " (a decimal comma in a comma-separated file? put the value in quotes or separate "
        "the columns with ';')",
    },
}
