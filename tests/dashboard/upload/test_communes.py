"""A visitor's CSV of commune values: decoding, joining to current communes, the browser store."""

from __future__ import annotations

import base64
import json

import pandas as pd
import pytest

from dashboard.text.numbers import format_count
from dashboard.upload.communes import MAX_LISTED_PROBLEMS, MAX_UNKNOWN_CODES, parse_commune_values
from dashboard.upload.decoding import (
    MAX_UPLOAD_BYTES,
    decode_upload,
    limit_text,
    too_large_attributes,
)
from dashboard.upload.reading import MAX_ROWS, InvalidUpload, display_text, read_code, read_value
from dashboard.upload.store import from_store, to_store
from geodata.cache import load_manifest
from geodata.lookups import Gazetteer

NBSP = "\u00a0"
NNBSP = "\u202f"
COMMUNES = [
    # code, name, department, region, zone, former codes
    ("01001", "L'Abergement-Clémenciat", "01", "84", "metro", []),
    ("01004", "Ambérieu-en-Bugey", "01", "84", "metro", []),
    ("14712", "Troarn", "14", "28", "metro", ["14114"]),
    ("14666", "Sannerville", "14", "28", "metro", []),
    ("2A004", "Ajaccio", "2A", "94", "metro", []),
    ("2B033", "Bastia", "2B", "94", "metro", []),
    ("75056", "Paris", "75", "11", "metro", []),
    ("97101", "Les Abymes", "971", "01", "drom", []),
    ("97501", "Miquelon-Langlade", "975", "975", "com", []),
]
DRAWN = frozenset(code for code, *_, zone, _ in COMMUNES if zone == "metro")
HOSTILE = ["<img src=x onerror=alert(1)>", "javascript:alert(1)", "=cmd|' /C calc'!A0"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """Nine communes: a merger (14114 → 14712), Paris and one arrondissement, Corsica, DROM, COM."""
    communes = pd.DataFrame(
        [
            (code, name, dep, reg, zone, 1000, [], former)
            for code, name, dep, reg, zone, former in COMMUNES
        ],
        columns=[
            "code",
            "name",
            "department",
            "region",
            "zone",
            "population",
            "postal_codes",
            "former_codes",
        ],
    )
    parts = pd.DataFrame(
        [("75101", "Paris 1er Arrondissement", "arrondissement municipal", "75056")],
        columns=["code", "name", "kind", "commune"],
    )
    territories = pd.DataFrame(
        [("departement", dep, f"Département {dep}") for dep in {c[2] for c in COMMUNES}]
        + [("region", reg, f"Région {reg}") for reg in {c[3] for c in COMMUNES}],
        columns=["level", "code", "name"],
    )
    return Gazetteer(communes, parts, territories)


def parse(text: str, gazetteer: Gazetteer, encoding: str = "utf-8", **options):
    return parse_commune_values(text.encode(encoding), "valeurs.csv", gazetteer, **options)


def joined(result) -> list[tuple[str, float, str, int]]:
    return list(result.values.itertuples(index=False, name=None))


def listed(result) -> list[tuple[int, int | None, str, str]]:
    return [(p.row, p.column, p.kind, p.value) for p in result.problems]


def as_upload(data: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


# Cells


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("6,5", (6.5, None)),
        ("6.5", (6.5, None)),
        ("-2", (-2.0, None)),
        ("\u22122,5", (-2.5, None)),
        (f"1{NBSP}234,5", (1234.5, None)),
        (f"1{NNBSP}192{NNBSP}000", (1192000.0, None)),
        ("1 234 567", (1234567.0, None)),
        ("1.234,5", (1234.5, None)),
        ("1,234.5", (1234.5, None)),
        ("1,234,567", (1234567.0, None)),
        ("1,234", (1.234, None)),
        ("87 %", (87.0, None)),
        (f"8,5{NBSP}%", (8.5, None)),
        ("1e3", (1000.0, None)),
        (",5", (0.5, None)),
        ("", (None, "missing_value")),
        ("%", (None, "missing_value")),
        ("abc", (None, "not_a_number")),
        ("1_000", (None, "not_a_number")),
        ("1.234.5", (None, "not_a_number")),
        ("1,2,3", (None, "not_a_number")),
        ("١٢", (None, "not_a_number")),
        ("inf", (None, "not_finite")),
        ("-Infinity", (None, "not_finite")),
        ("NaN", (None, "not_finite")),
        ("1e999", (None, "not_finite")),
    ],
)
def test_values_are_read_as_french_and_english_spreadsheets_write_them(cell, expected):
    assert read_value(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("01001", ("01001", None)),
        ("1001", ("01001", None)),
        ("2A004", ("2A004", None)),
        ("2b033", ("2B033", None)),
        ("", (None, "missing_code")),
        ("101", (None, "bad_code")),
        ("010010", (None, "bad_code")),
        ("2C004", (None, "bad_code")),
        ("０１００１", (None, "bad_code")),
        ("Paris", (None, "bad_code")),
    ],
)
def test_codes_get_their_leading_zero_back_and_corsica_its_letter(cell, expected):
    assert read_code(cell) == expected


def test_shown_text_is_cut_and_loses_invisible_characters():
    assert display_text("a" * 50) == "a" * 39 + "…"
    assert display_text("ok\u202eevil\nline") == "ok\ufffdevil\ufffdline"


# Decoding the upload


def test_an_upload_decodes_to_its_bytes_whatever_the_announced_type():
    data = b"01001;6,5\n"
    assert decode_upload(as_upload(data), "valeurs.csv") == data
    assert decode_upload(as_upload(data, "application/vnd.ms-excel"), "V.TXT") == data


def test_a_too_large_upload_is_refused_before_decoding():
    # Not base64 at all: decoding would fail with another message, so the size was judged first.
    contents = "data:text/csv;base64," + "!" * (MAX_UPLOAD_BYTES // 3 * 4 + 8)
    with pytest.raises(InvalidUpload) as refused:
        decode_upload(contents, "gros.csv")
    assert refused.value.kind == "too_large"
    size = format_count(len(contents.partition(",")[2]) * 3 // 4)
    assert str(refused.value) == (
        f"gros.csv : environ {size} octets, au-delà de la limite de "
        f"{format_count(MAX_UPLOAD_BYTES)} octets"
    )
    assert refused.value.message("en") == (
        f"gros.csv: about {size.replace(chr(0x202F), ',')} bytes, over the limit of "
        f"{format_count(MAX_UPLOAD_BYTES, 'en')} bytes"
    )


def test_an_upload_at_the_cap_is_accepted():
    data = b"01001;1\n" * (MAX_UPLOAD_BYTES // 8)
    assert len(decode_upload(as_upload(data), "juste.csv")) == MAX_UPLOAD_BYTES


def test_the_limit_is_said_in_megabytes_of_the_visitor_s_language():
    assert MAX_UPLOAD_BYTES == 2 * 1024 * 1024
    assert limit_text("fr") == f"2{NBSP}Mo"
    assert limit_text("en") == f"2{NBSP}MB"


@pytest.mark.parametrize(
    ("lang", "unit", "locale", "message"),
    [
        (
            "fr",
            "Mo",
            "fr-FR",
            f"Fichier trop lourd : {{file}} fait {{size}} ; la limite est de 2{NBSP}Mo. "
            "Il n'a pas été envoyé.",
        ),
        (
            "en",
            "MB",
            "en-GB",
            f"File too large: {{file}} is {{size}}; the limit is 2{NBSP}MB. It was not sent.",
        ),
    ],
)
def test_the_page_script_gets_the_limit_its_unit_and_the_message_to_fill(
    lang, unit, locale, message
):
    assert too_large_attributes(lang) == {
        "data-limit": "2097152",
        "data-unit-bytes": "1048576",
        "data-unit": unit,
        "data-locale": locale,
        "data-message": message,
    }


@pytest.mark.parametrize(
    "contents",
    [
        "data:text/csv;base64,AB$C",
        "data:text/csv;base64,QUJD\nRA==",
        "data:text/csv,01001;6",
        "01001;6",
        None,
    ],
)
def test_an_upload_that_is_not_base64_is_refused(contents):
    with pytest.raises(InvalidUpload) as refused:
        decode_upload(contents, "valeurs.csv")
    assert refused.value.kind == "not_base64"
    assert str(refused.value).startswith("valeurs.csv : contenu illisible")


@pytest.mark.parametrize("filename", ["valeurs.xlsx", "valeurs", "valeurs.csv.exe", ".csv/x.py"])
def test_only_csv_and_txt_files_are_accepted(filename):
    with pytest.raises(InvalidUpload) as refused:
        decode_upload(as_upload(b"01001;6\n"), filename)
    assert refused.value.kind == "extension"
    assert "seuls les fichiers .csv ou .txt" in str(refused.value)


def test_the_file_name_in_messages_is_the_base_name_as_plain_text():
    with pytest.raises(InvalidUpload) as refused:
        decode_upload(as_upload(b""), "C:\\fakepath\\<img src=x onerror=alert(1)>\u202efdp.exe")
    assert refused.value.file == "<img src=x onerror=alert(1)>\ufffdfdp.exe"


def test_a_long_file_name_is_cut_in_messages_but_keeps_its_extension_for_the_check():
    assert decode_upload(as_upload(b"01001;1\n"), "v" * 200 + ".csv") == b"01001;1\n"


# Joining rows


def test_a_good_file_joins_every_row(gazetteer):
    result = parse("01001;6,5\n01004;7\n2A004;8,25\n", gazetteer)
    assert joined(result) == [
        ("01001", 6.5, "01001", 1),
        ("01004", 7.0, "01004", 2),
        ("2A004", 8.25, "2A004", 3),
    ]
    assert result.problems == ()
    assert result.counts() == {
        "rows_read": 3,
        "joined": 3,
        "refused": 0,
        "former_codes": 0,
        "zeros_restored": 0,
        "unlisted": 0,
    }
    assert (result.delimiter, result.encoding, result.label) == (";", "utf-8", None)


def test_former_unknown_and_bad_rows_are_listed_and_good_rows_joined(gazetteer):
    text = (
        "code_insee;taux\n"
        "14114;12,5\n"  # former code of Troarn
        "75101;3\n"  # an arrondissement: Paris
        "99999;4\n"
        "01001;beaucoup\n"
        "01004;\n"
        "2A004;inf\n"
        "2B033;NaN\n"
        "14666;5\n"
    )
    result = parse(text, gazetteer)
    assert joined(result) == [
        ("14712", 12.5, "14114", 2),
        ("75056", 3.0, "75101", 3),
        ("14666", 5.0, "14666", 9),
    ]
    assert listed(result) == [
        (1, None, "header", "code_insee ; taux"),
        (2, 1, "former_code", "14114"),
        (3, 1, "former_code", "75101"),
        (4, 1, "unknown_code", "99999"),
        (5, 2, "not_a_number", "beaucoup"),
        (6, 2, "missing_value", ""),
        (7, 2, "not_finite", "inf"),
        (8, 2, "not_finite", "NaN"),
    ]
    messages = [p.message for p in result.problems if p.kind == "former_code"]
    assert messages == [
        "ancien code 14114 → 14712 (Troarn)",
        "arrondissement municipal 75101 → 75056 (Paris)",
    ]
    assert [p.severity for p in result.problems].count("notice") == 3
    assert (result.refused, result.former_codes, result.label) == (5, 2, "taux")
    assert result.problems[4].describe() == "ligne 5, colonne 2 : valeur non numérique « beaucoup »"


def test_a_row_reports_each_of_its_bad_cells(gazetteer):
    result = parse("99999;abc\n01001;1\n", gazetteer)
    assert listed(result) == [(1, 1, "unknown_code", "99999"), (1, 2, "not_a_number", "abc")]
    assert (result.refused, result.joined) == (1, 1)


def test_the_first_row_of_a_commune_is_kept_and_later_ones_listed(gazetteer):
    result = parse("14114;1\n14712;2\n01001;3\n1001;4\n01001;5\n", gazetteer)
    assert joined(result) == [("14712", 1.0, "14114", 1), ("01001", 3.0, "01001", 3)]
    assert listed(result) == [
        (1, 1, "former_code", "14114"),
        (2, 1, "duplicate", "14712"),
        (4, 1, "duplicate", "1001"),
        (5, 1, "duplicate", "01001"),
    ]
    assert (
        result.problems[1].message == "code en double : même commune (14712 Troarn) que la ligne 1"
    )


def test_a_refused_row_does_not_block_a_later_good_row_of_the_same_commune(gazetteer):
    result = parse("01001;n/a\n01001;4\n", gazetteer)
    assert joined(result) == [("01001", 4.0, "01001", 2)]


@pytest.mark.parametrize(
    ("text", "label", "given", "first_row"),
    [
        (
            "Code INSEE;Part des 60 ans et plus (%)\n01001;6,5\n",
            "Part des 60 ans et plus (%)",
            "01001",
            2,
        ),
        ("code;\n01001;6,5\n", None, "01001", 2),
        ("01001;6,5\n", None, "01001", 1),
        ("1001;6,5\n", None, "1001", 1),
    ],
)
def test_a_header_row_is_optional(gazetteer, text, label, given, first_row):
    result = parse(text, gazetteer)
    assert joined(result) == [("01001", 6.5, given, first_row)]
    assert result.label == label
    assert [p.kind for p in result.problems] == (["header"] if first_row == 2 else [])


def test_a_first_row_with_a_code_and_a_bad_value_is_a_data_row(gazetteer):
    result = parse("01001;n/a\n01004;2\n", gazetteer)
    assert listed(result) == [(1, 2, "not_a_number", "n/a")]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("code;valeur\n01001;6,5\n2A004;1 234,5\n", ";"),
        ('code,valeur\n01001,6.5\n2A004,"1 234,5"\n', ","),
        ("code\tvaleur\n01001\t6,5\n2A004\t1 234,5\n", "\t"),
        ('"code";"valeur"\r\n"01001";"6,5"\r\n"2A004";"1 234,5"\r\n', ";"),
    ],
)
def test_semicolon_comma_and_tab_separated_files_are_read(gazetteer, text, delimiter):
    result = parse(text, gazetteer)
    assert result.delimiter == delimiter
    assert joined(result) == [("01001", 6.5, "01001", 2), ("2A004", 1234.5, "2A004", 3)]


def test_a_decimal_comma_in_a_comma_separated_file_is_explained(gazetteer):
    result = parse("01001,6,5\n01004,7\n", gazetteer)
    assert listed(result) == [(1, 3, "extra_column", "5")]
    assert "virgule décimale" in result.problems[0].message
    assert joined(result) == [("01004", 7.0, "01004", 2)]


def test_an_extra_column_refuses_the_row_and_names_it(gazetteer):
    result = parse("01001;6,5;commentaire\n01004;7;;\n", gazetteer)
    assert listed(result) == [(1, 3, "extra_column", "commentaire")]
    assert result.problems[0].describe().startswith("ligne 1, colonne 3 : colonne en trop")
    assert joined(result) == [("01004", 7.0, "01004", 2)]  # trailing empty cells are no column


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffcode;taux d'équipement\n01001;6,5\n".encode(), "utf-8-sig"),
        ("code;taux d'équipement\n01001;6,5\n".encode(), "utf-8"),
        ("code;taux d'équipement\n01001;6,5\n".encode("cp1252"), "cp1252"),
        ("code\ttaux d'équipement\n01001\t6,5\n".encode("utf-16"), "utf-16"),
        (b"code;taux d'\x81quipement\n01001;6,5\n", "latin-1"),
    ],
)
def test_utf8_with_or_without_bom_utf16_and_windows_encodings_are_read(gazetteer, data, encoding):
    result = parse_commune_values(data, "valeurs.csv", gazetteer)
    assert result.encoding == encoding
    assert joined(result) == [("01001", 6.5, "01001", 2)]
    if encoding != "latin-1":
        assert result.label == "taux d'équipement"


def test_dropped_leading_zeros_are_restored_and_counted(gazetteer):
    result = parse("1001;1\n1004;2\n2a004;3\n2B033;4\n", gazetteer)
    assert result.values["code"].tolist() == ["01001", "01004", "2A004", "2B033"]
    assert result.values["given_code"].tolist() == ["1001", "1004", "2a004", "2B033"]
    assert result.zeros_restored == 2
    assert result.problems == ()


def test_blank_lines_are_skipped_and_rows_keep_their_line_number(gazetteer):
    result = parse("\ncode;valeur\r\n\r\n01001;1\r\n  ;  \r\n01004;2\r\n\r\n", gazetteer)
    assert joined(result) == [("01001", 1.0, "01001", 4), ("01004", 2.0, "01004", 6)]


def test_communes_the_map_does_not_draw_are_refused_by_name(gazetteer):
    result = parse("97101;1\n01001;2\n", gazetteer, drawn=DRAWN)
    assert listed(result) == [(1, 1, "not_drawn", "97101")]
    assert result.problems[0].message == "commune absente de la carte : 97101 Les Abymes"
    assert parse("97101;1\n", gazetteer).values["code"].tolist() == ["97101"]


def test_collectivites_d_outre_mer_are_unknown(gazetteer):
    assert listed(parse("97501;1\n01001;2\n", gazetteer))[0][2] == "unknown_code"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_comes_back_only_as_plain_text(gazetteer, hostile):
    result = parse(f"01001;1\n{hostile};{hostile}\n", gazetteer)
    assert listed(result) == [(2, 1, "bad_code", hostile), (2, 2, "not_a_number", hostile)]
    stored = json.dumps(to_store(result), ensure_ascii=False)
    assert stored.count(hostile) == 2  # only as the two cells' values: no markup added around
    assert "<" not in stored.replace(hostile, "")
    assert all(isinstance(value, str) for p in result.problems for value in (p.value, p.message))


def test_long_cells_are_cut_in_problems(gazetteer):
    result = parse(f"01001;{'9' * 30}x{'a' * 5000}\n01004;1\n", gazetteer)
    assert result.problems[0].value == "9" * 30 + "x" + "a" * 8 + "…"


def test_problems_beyond_the_listed_cap_are_counted(gazetteer):
    text = "".join(f"01001;x{row}\n" for row in range(MAX_LISTED_PROBLEMS + 100)) + "01004;1\n"
    result = parse(text, gazetteer)
    assert len(result.problems) == MAX_LISTED_PROBLEMS
    assert (result.unlisted, result.refused, result.joined) == (100, MAX_LISTED_PROBLEMS + 100, 1)


# Files refused as a whole


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"", "empty", "valeurs.csv : fichier vide"),
        (b"\n \r\n;;\n", "no_rows", "valeurs.csv : aucune ligne de données"),
        (b"code;valeur\n", "no_rows", "valeurs.csv : aucune ligne de données"),
        (b"01001\n01004\n", "no_delimiter", "valeurs.csv : une seule colonne"),
        (b"01001;1\n01004;\x00\x00\n", "binary", "valeurs.csv, ligne 2 : fichier binaire"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary", "valeurs.csv, ligne 2 : fichier binaire"),
        (b"PK\x03\x04\x14\x00", "binary", "valeurs.csv : contenu de type classeur Excel"),
        (b"PAR1\x15\x04", "binary", "valeurs.csv : contenu de type fichier Parquet"),
        (b'01001;"6,5\n01004;1\n', "unreadable", "valeurs.csv, ligne 1 : CSV illisible"),
        (b'01001;"6,5"x\n', "unreadable", "valeurs.csv, ligne 1 : CSV illisible"),
    ],
)
def test_files_that_are_not_csv_of_values_are_refused(gazetteer, data, kind, message):
    with pytest.raises(InvalidUpload) as refused:
        parse_commune_values(data, "valeurs.csv", gazetteer)
    assert refused.value.kind == kind
    assert str(refused.value).startswith(message)


def test_a_file_with_too_many_rows_is_refused_naming_the_row(gazetteer):
    data = ("code;valeur\n" + "01001;1\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(InvalidUpload) as refused:
        parse_commune_values(data, "valeurs.csv", gazetteer)
    assert refused.value.kind == "too_many_rows"
    assert refused.value.row == MAX_ROWS + 2
    assert str(refused.value) == (
        f"valeurs.csv, ligne {MAX_ROWS + 2} : plus de {format_count(MAX_ROWS)} lignes"
    )


def test_a_file_of_rows_at_the_cap_is_read(gazetteer):
    result = parse("code;valeur\n" + "01001;1\n" * MAX_ROWS, gazetteer)
    assert (result.rows_read, result.joined, result.refused) == (MAX_ROWS, 1, MAX_ROWS - 1)


def test_a_file_of_mostly_unknown_codes_is_refused(gazetteer):
    text = "".join(f"{10000 + row};1\n" for row in range(MAX_UNKNOWN_CODES + 1))
    with pytest.raises(InvalidUpload) as refused:
        parse(text, gazetteer)
    assert (refused.value.kind, refused.value.row, refused.value.column) == (
        "unknown_codes",
        MAX_UNKNOWN_CODES + 1,
        1,
    )


# The browser store


def test_the_store_holds_codes_values_and_the_report_as_json(gazetteer):
    result = parse("code;taux\n14114;12,5\n01001;x\n01004;3\n", gazetteer)
    stored = to_store(result)
    assert json.loads(json.dumps(stored, allow_nan=False)) == stored
    assert stored["file"] == "valeurs.csv"
    assert stored["label"] == "taux"
    assert (stored["codes"], stored["values"]) == (["14712", "01004"], [12.5, 3.0])
    assert stored["problems"][2] == {
        "row": 3,
        "column": 2,
        "value": "x",
        "kind": "not_a_number",
        "message": "valeur non numérique",
        "severity": "error",
    }
    assert stored["counts"]["joined"] == 2
    back = from_store(stored, DRAWN)
    assert back.to_dict("list") == {"code": ["14712", "01004"], "value": [12.5, 3.0]}
    assert str(back["value"].dtype) == "float64"


def test_the_store_is_rechecked_pair_by_pair():
    tampered = {
        "codes": ["01001", "99999", "01004", "2A004", "2B033", 75056, "01001", "14712", "14666"],
        "values": [1, 2, "3", float("nan"), True, 6, 7, 10**400, float("inf")],
    }
    assert from_store(tampered, DRAWN).to_dict("list") == {"code": ["01001"], "value": [1.0]}


@pytest.mark.parametrize(
    "tampered",
    [
        None,
        "01001",
        [["01001", 1]],
        {"codes": "01001", "values": [1]},
        {"codes": ["01001"], "values": {"01001": 1}},
        {"codes": ["01001", "01004"], "values": [1]},
        {"codes": ["01001"] * (MAX_ROWS + 1), "values": [1] * (MAX_ROWS + 1)},
        {"codes": ["<img src=x onerror=alert(1)>"], "values": [1]},
    ],
)
def test_a_malformed_store_gives_no_values(tampered):
    back = from_store(tampered, DRAWN)
    assert back.empty
    assert list(back.columns) == ["code", "value"]


# The real reference table


@pytest.fixture(scope="module")
def french_gazetteer(settings) -> tuple[Gazetteer, frozenset[str]]:
    manifest = load_manifest(settings.geodata_cache_dir)
    drawn = pd.read_parquet(manifest.table("territories")).query("level == 'commune'")["code"]
    return Gazetteer.from_manifest(manifest), frozenset(drawn)


def test_real_former_codes_join_their_current_commune(french_gazetteer):
    gazetteer, drawn = french_gazetteer
    text = (
        "Code commune;Valeur\n"
        "14114;12,5\n"  # Bures-sur-Dives, part of Troarn since 2019
        "85030;3\n"  # Boulogne, part of Essarts-en-Bocage since 2016
        "75101;7\n"  # Paris 1er arrondissement
        "1004;8\n"
        "2A004;9\n"
        "97101;10\n"
        "14000;11\n"
    )
    result = parse(text, gazetteer, encoding="cp1252", drawn=drawn)
    assert joined(result) == [
        ("14712", 12.5, "14114", 2),
        ("85084", 3.0, "85030", 3),
        ("75056", 7.0, "75101", 4),
        ("01004", 8.0, "1004", 5),
        ("2A004", 9.0, "2A004", 6),
    ]
    assert [(p.row, p.kind, p.message) for p in result.problems[1:]] == [
        (2, "former_code", "ancien code 14114 → 14712 (Troarn)"),
        (3, "former_code", "ancien code 85030 → 85084 (Essarts-en-Bocage)"),
        (4, "former_code", "arrondissement municipal 75101 → 75056 (Paris)"),
        (7, "not_drawn", "commune absente de la carte : 97101 Les Abymes"),
        (8, "unknown_code", "code INSEE inconnu"),
    ]
    assert from_store(to_store(result), drawn)["code"].tolist() == result.values["code"].tolist()


def test_the_report_speaks_the_page_s_language(gazetteer):
    result = parse("code;taux\n14114;12,5\n01001;x\n01001;3\n01004;1;2\n", gazetteer)
    assert [problem.describe("en") for problem in result.problems] == [
        "line 1: line read as a header “code ; taux”",
        "line 2, column 1: former code 14114 → 14712 (Troarn) “14114”",
        "line 3, column 2: value not a number “x”",
        "line 5, column 3: extra column: two columns expected, INSEE code and value “2”",
    ]
    assert result.problems[2].describe("fr") == result.problems[2].describe()
    assert result.problems[2].describe() == "ligne 3, colonne 2 : valeur non numérique « x »"
