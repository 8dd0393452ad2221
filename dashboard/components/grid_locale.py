"""AG Grid's French words for the grids' menus, filters and labels (English is its default).

The strings are AG Grid's own French locale, ``AG_GRID_LOCALE_FR`` of the npm package
``@ag-grid-community/locale`` 35.3.1 (MIT, AG Grid Ltd), the AG Grid version dash-ag-grid 35.3.0
ships; only the keys the dashboard's grids show are kept (sortable, filterable text and number
columns, no selection, no grouping). A key left out shows AG Grid's English.
"""

from __future__ import annotations

AG_GRID_LOCALE_FR = {
    # rows
    "noRowsToShow": "Aucune ligne à afficher",
    "loadingOoo": "Chargement...",
    # filter menus: buttons, operators, conditions
    "filterOoo": "Filtrer...",
    "applyFilter": "Appliquer",
    "resetFilter": "Réinitialiser",
    "clearFilter": "Effacer",
    "cancelFilter": "Annuler",
    "contains": "Contient",
    "notContains": "Ne contient pas",
    "equals": "Égal à",
    "notEqual": "N'est pas égal à",
    "startsWith": "Commence par",
    "endsWith": "Se termine par",
    "blank": "Vide",
    "notBlank": "Non vide",
    "lessThan": "Moins de",
    "lessThanOrEqual": "Moins de ou égal à",
    "greaterThan": "Plus de",
    "greaterThanOrEqual": "Plus de ou égal à",
    "inRange": "Entre",
    "inRangeStart": "De",
    "inRangeEnd": "À",
    "andCondition": "ET",
    "orCondition": "OU",
    # column header: sorting and filter
    "columnFilter": "Filtre de colonne",
    "sortAscending": "Trier par ordre croissant",
    "sortDescending": "Trier par ordre décroissant",
    "sortUnSort": "Effacer le tri",
    # pagination (the panel is rendered, hidden, with its labels)
    "page": "Page",
    "of": "de",
    "to": "à",
    "more": "Plus",
    "firstPage": "Première Page",
    "lastPage": "Dernière Page",
    "nextPage": "Page Suivante",
    "previousPage": "Page Précédente",
    "pageSizeSelectorLabel": "Taille de la Page :",
    # screen-reader labels
    "ariaFilterInput": "Entrée de filtre",
    "ariaFilterValue": "Valeur du filtre",
    "ariaFilterFromValue": "Filtrer depuis la valeur",
    "ariaFilterToValue": "Filtrer jusqu'à la valeur",
    "ariaFilteringOperator": "Opérateur de filtrage",
    "ariaFilterMenuOpen": "Ouvrir le menu de filtre",
    "ariaColumnFiltered": "Colonne filtrée",
    "ariaSortableColumn": "Appuyez sur ENTER pour trier",
    "ariaFilterColumn": "Appuyez sur CTRL ENTER pour ouvrir le filtre",
    "ariaLabelColumnFilter": "Filtre de colonne",
    "ariaLabelColumnMenu": "Menu de colonne",
    "ariaLabelDialog": "Dialogue",
    "ariaLabelSelectField": "Champ de sélection",
    "ariaPageSizeSelectorLabel": "Taille de page",
}
