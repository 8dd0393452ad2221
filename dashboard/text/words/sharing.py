"""The share bar on every screen: permalink, embed code, downloads."""

TEXT: dict[str, dict[str, str]] = {
    "share_title": {"fr": "Partager et exporter cette vue", "en": "Share and export this view"},
    "open_full_view": {
        "fr": "Ouvrir la vue complète sur PHARE ↗",
        "en": "Open the full view on PHARE ↗",
    },
    "copy_link": {"fr": "Copier le lien", "en": "Copy the link"},
    "copy_code": {"fr": "Copier le code", "en": "Copy the code"},
    "embed_button": {"fr": "Intégrer", "en": "Embed"},
    "embed_title": {"fr": "Intégrer cette vue", "en": "Embed this view"},
    "embed_help": {
        "fr": "Collez ce code dans votre page : la vue s'affiche sans les filtres, avec sa "
        "légende, sa source et un lien vers la vue complète ; sa hauteur s'ajuste seule.",
        "en": "Paste this code into your page: the view shows without the filters, with its "
        "legend, source and a link to the full view; its height adjusts itself.",
    },
    "embed_code_label": {"fr": "Code d'intégration (HTML)", "en": "Embed code (HTML)"},
    "export_images": {"fr": "Image :", "en": "Image:"},
    "export_tables": {"fr": "Données :", "en": "Data:"},
    "export_png_16_9": {"fr": "PNG 16:9", "en": "PNG 16:9"},
    "export_png_4_3": {"fr": "PNG 4:3", "en": "PNG 4:3"},
    "export_svg": {"fr": "SVG", "en": "SVG"},
    "export_csv_fr": {"fr": "CSV pour Excel", "en": "CSV for French Excel"},
    "export_csv_standard": {"fr": "CSV standard", "en": "Standard CSV"},
    # the credit line (« Copier la mention »): dashboard.views.credit
    "credit_label": {"fr": "Mention à citer", "en": "Credit line"},
    "copy_credit": {"fr": "Copier la mention", "en": "Copy the credit line"},
    "credit_show": {"fr": "Lire la mention", "en": "Read the credit line"},
    "credit_publisher": {
        "fr": "Observatoire des partenariats",
        "en": "Observatoire des partenariats",
    },
    "credit_sources": {"fr": "Source : {sources}", "en": "Source: {sources}"},
    "credit_fieldwork": {"fr": "terrain : {when}", "en": "fieldwork: {when}"},
    "credit_line_simulated": {
        "fr": "Données simulées, pour démonstration : pas des résultats d'enquête",
        "en": "Simulated data, for demonstration: not survey results",
    },
}
