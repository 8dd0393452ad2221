import hashlib
import io
import zipfile
from xml.etree import ElementTree

import openpyxl.xml.functions
import pandas as pd
import pytest

from phare import table_files
from phare.catalogue import load_catalogue
from phare.errors import ExcelReaderUnsafe, InvalidImportFile
from phare.microdata import read_microdata
from phare.microdata_format import microdata_columns
from phare.table_files import detect_delimiter
from tests.phare.fixtures.microdata import text_frame, write_csv, write_parquet, write_xlsx

ACTORS = "citoyens, associations, entreprises, maires"
REGIONS = "11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture()
def frame(catalogue):
    return text_frame(catalogue)


def set_cell(row: int, column: str, value: str):
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame

    return change


def rejected(path, catalogue) -> list[str]:
    with pytest.raises(InvalidImportFile) as error:
        read_microdata(path, catalogue)
    assert str(path) in str(error.value)
    return error.value.problems


# Row 0 is a citoyen, 1 an entreprise, 2 an association, 3 a maire (file rows 2 to 5).
BAD_ROWS = [
    (
        "wrong actor code",
        set_cell(0, "actor", "habitants"),
        f"row 2, column 'actor': value 'habitants', expected one of {ACTORS}",
    ),
    (
        "unknown region",
        set_cell(1, "region_code", "99"),
        f"row 3, column 'region_code': value '99', expected one of {REGIONS}",
    ),
    *(
        (
            f"score {value}",
            set_cell(2, "score_emploi", value),
            f"row 4, column 'score_emploi': value '{value}', "
            "expected a whole number from 1 to 10, or blank",
        )
        for value in ("11", "0", "6.5", "dix")
    ),
    *(
        (
            f"weight {value!r}",
            set_cell(3, "weight", value),
            f"row 5, column 'weight': value '{value}', expected a number > 0 (decimal point '.')",
        )
        for value in ("0", "-1.5", "lourd", "", "1,5")
    ),
    (
        "binary 2",
        set_cell(0, "innovation", "2"),
        "row 2, column 'innovation': value '2', expected 0, 1 or blank",
    ),
    (
        "empty respondent id",
        set_cell(4, "respondent_id", ""),
        "row 6, column 'respondent_id': value '', expected a non-empty identifier",
    ),
    (
        "duplicated respondent",
        set_cell(5, "respondent_id", "R002"),
        "rows 3 and 7, column 'respondent_id': value 'R002' appears 2 times, "
        "expected each respondent once",
    ),
    (
        "segment missing for entreprises",
        set_cell(1, "company_size", ""),
        "row 3, column 'company_size': blank, expected one of 10_49, 50_249, 250_plus "
        "for actor 'entreprises'",
    ),
    (
        "segment present for citoyens",
        set_cell(0, "company_size", "10_49"),
        "row 2, column 'company_size': value '10_49', expected blank for actor 'citoyens' "
        "(only 'entreprises' has a company_size)",
    ),
    (
        "segment of another field",
        set_cell(2, "association_type", "10_49"),
        "row 4, column 'association_type': value '10_49', "
        "expected one of employeuses, benevoles, or blank",
    ),
    (
        "top3 duplicate",
        set_cell(0, "top3_3", "emploi"),
        "row 2, column 'top3_3': value 'emploi' is already a priority of this row, "
        "expected top3_1, top3_2, top3_3 distinct",
    ),
    (
        "top3 unknown fragility",
        set_cell(0, "top3_3", "meteo"),
        "row 2, column 'top3_3': value 'meteo', expected one of emploi, ",
    ),
    (
        "commune code of 3 digits is not repaired",
        set_cell(0, "commune_code", "101"),
        "row 2, column 'commune_code': value '101', "
        "expected blank or an INSEE commune code of 5 characters (01001, 2A004)",
    ),
    (
        "missing column",
        lambda frame: frame.drop(columns="score_sante"),
        "missing column 'score_sante'",
    ),
    (
        "extra column",
        lambda frame: frame.assign(age="40"),
        "unexpected column 'age': not in the import format (expected respondent_id, actor, ",
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [case[1:] for case in BAD_ROWS],
    ids=[case[0] for case in BAD_ROWS],
)
def test_a_bad_value_is_reported_with_row_column_value_and_expectation(
    catalogue, frame, tmp_path, change, expected
):
    path = write_csv(change(frame), tmp_path / "survey.csv")
    problems = rejected(path, catalogue)
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_every_problem_is_collected_in_row_then_column_order(catalogue, frame, tmp_path):
    for change in (
        set_cell(3, "weight", "0"),
        set_cell(1, "score_sante", "11"),
        set_cell(1, "actor", "x"),
        set_cell(6, "respondent_id", "R001"),
    ):
        frame = change(frame)
    problems = rejected(write_csv(frame, tmp_path / "survey.csv"), catalogue)
    assert [problem.split(":")[0] for problem in problems] == [
        "rows 2 and 8, column 'respondent_id'",
        "row 3, column 'actor'",
        "row 3, column 'score_sante'",
        "row 5, column 'weight'",
    ]


def test_missing_and_extra_columns_are_named_together(catalogue, frame, tmp_path):
    changed = frame.drop(columns=["weight", "top3_3"]).assign(poids="1")
    problems = rejected(write_csv(changed, tmp_path / "survey.csv"), catalogue)
    assert problems[:2] == ["missing column 'weight'", "missing column 'top3_3'"]
    assert problems[2].startswith("unexpected column 'poids'")


def test_a_blank_line_keeps_the_row_numbers_of_the_file(catalogue, frame, tmp_path):
    frame = set_cell(2, "actor", "habitants")(frame)
    path = write_csv(frame, tmp_path / "survey.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:2], "", *lines[2:]]) + "\n", encoding="utf-8")
    problems = rejected(path, catalogue)
    assert problems == [f"row 5, column 'actor': value 'habitants', expected one of {ACTORS}"]


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_bytes_that_are_not_utf8_are_refused_naming_the_encoding(catalogue, frame, tmp_path):
    path = tmp_path / "survey.csv"
    frame.loc[0, "respondent_id"] = "Répondant"
    frame.to_csv(path, sep=";", index=False, encoding="latin-1")
    (problem,) = rejected(path, catalogue)
    assert problem.startswith("not UTF-8: byte 0xe9 at position ")
    assert problem.endswith("save the file as CSV UTF-8")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "survey.csv",
            zip_bytes({"[Content_Types].xml": b"<Types/>"}),
            "the extension .csv announces text (a CSV file), but the content is a ZIP archive "
            "(an Excel .xlsx file): export the file again in the announced format",
        ),
        (
            "survey.xlsx",
            b"respondent_id;actor\nR1;citoyens\n",
            "the extension .xlsx announces a ZIP archive (an Excel .xlsx file), "
            "but the content is text (a CSV file)",
        ),
        (
            "survey.parquet",
            b"respondent_id,actor\n",
            "the extension .parquet announces a Parquet file, but the content is text",
        ),
        (
            "survey.xls",
            b"\xd0\xcf\x11\xe0",
            "extension '.xls' is not supported, expected one of .csv, .parquet, .xlsx",
        ),
        ("survey.csv", b"", "cannot be read as CSV: No columns to parse from file"),
        (
            "survey.xlsx",
            zip_bytes({"hello.txt": b"not a workbook"}),
            "cannot be read as an Excel .xlsx file: ",
        ),
    ],
    ids=["xlsx renamed csv", "text renamed xlsx", "text renamed parquet", "xls", "empty", "zip"],
)
def test_a_file_whose_extension_and_content_disagree_is_refused(
    catalogue, tmp_path, name, content, expected
):
    path = tmp_path / name
    path.write_bytes(content)
    (problem,) = rejected(path, catalogue)
    assert problem.startswith(expected)


def test_an_xlsx_that_expands_past_the_size_limit_is_refused_before_reading(
    catalogue, tmp_path, monkeypatch
):
    monkeypatch.setattr(table_files, "MAX_XLSX_UNCOMPRESSED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(zip_bytes({"xl/worksheets/sheet1.xml": bytes(2 * 1024 * 1024)}))
    assert path.stat().st_size < 10_000
    assert rejected(path, catalogue) == [
        "the .xlsx expands to 2097152 bytes, over the limit of 1048576 (zip-bomb guard)"
    ]


def test_an_xlsx_with_too_many_parts_is_refused(catalogue, frame, tmp_path, monkeypatch):
    monkeypatch.setattr(table_files, "MAX_XLSX_MEMBERS", 3)
    path = write_xlsx(frame, tmp_path / "survey.xlsx")
    (problem,) = rejected(path, catalogue)
    assert problem.endswith("parts, over the limit of 3")


def test_an_xlsx_is_not_parsed_without_defusedxml(catalogue, frame, tmp_path, monkeypatch):
    path = write_xlsx(frame, tmp_path / "survey.xlsx")
    monkeypatch.setattr(openpyxl.xml.functions, "iterparse", ElementTree.iterparse)
    with pytest.raises(ExcelReaderUnsafe, match="install defusedxml"):
        read_microdata(path, catalogue)


def test_defusedxml_is_what_openpyxl_parses_with():
    table_files.require_defusedxml()
    assert openpyxl.xml.functions.iterparse.__module__.startswith("defusedxml")


WRITERS = {
    "csv ;": lambda frame, folder: write_csv(frame, folder / "survey.csv"),
    "csv , with BOM": lambda frame, folder: write_csv(frame, folder / "s.csv", ",", bom=True),
    "csv ; with BOM": lambda frame, folder: write_csv(frame, folder / "s.csv", ";", bom=True),
    "parquet": lambda frame, folder: write_parquet(frame, folder / "survey.parquet"),
    "xlsx": lambda frame, folder: write_xlsx(frame, folder / "survey.xlsx"),
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_every_format_gives_the_same_typed_frame(catalogue, frame, tmp_path, writer):
    reference = read_microdata(write_csv(frame, tmp_path / "reference.csv"), catalogue)
    result = read_microdata(writer(frame, tmp_path), catalogue)
    pd.testing.assert_frame_equal(result.frame, reference.frame)
    assert result.rows == 8
    assert result.warnings == []


def test_the_frame_has_the_documented_dtypes_and_blanks(catalogue, frame, tmp_path):
    result = read_microdata(write_csv(frame, tmp_path / "survey.csv"), catalogue).frame
    dtypes = {name: str(dtype) for name, dtype in result.dtypes.items()}
    columns = microdata_columns(list(catalogue.fragilities))
    assert list(result.columns) == columns
    assert dtypes == {
        name: "str" if index < 7 else "object" if name.startswith("top3") else "float64"
        for index, name in enumerate(columns)
    }
    assert result["respondent_id"].tolist()[:2] == ["R001", "R002"]
    assert result["commune_code"].head(4).fillna("<NA>").tolist() == [
        "01001",
        "2A004",
        "<NA>",
        "75056",
    ]
    assert result["company_size"].isna().tolist()[:2] == [True, False]
    assert result["weight"].tolist()[:3] == [1.0, 1.25, 1.5]
    assert result["score_emploi"].head(6).fillna(-1).tolist() == [-1, 2, 3, 4, 5, -1]
    assert result["innovation"].head(3).fillna(-1).tolist() == [0, 1, -1]
    assert result["top3_1"].tolist()[:2] == ["emploi", "developpement_economique"]
    assert result["top3_3"].tolist()[:2] == [None, None]


def test_the_sha256_is_that_of_the_file_read(catalogue, frame, tmp_path):
    path = write_csv(frame, tmp_path / "survey.csv")
    result = read_microdata(path, catalogue)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.path == path


@pytest.mark.parametrize(
    ("written", "read", "warnings"),
    [
        (
            "1001",
            "01001",
            [
                "row 2, column 'commune_code': '1001' repaired to '01001' "
                "(leading zero lost in a spreadsheet)"
            ],
        ),
        ("01001", "01001", []),
        ("75056", "75056", []),
        ("2A004", "2A004", []),
        ("2B033", "2B033", []),
        ("", None, []),
    ],
)
def test_commune_codes_keep_their_form_and_lost_zeros_are_repaired(
    catalogue, frame, tmp_path, written, read, warnings
):
    frame.loc[0, "commune_code"] = written
    result = read_microdata(write_csv(frame, tmp_path / "survey.csv"), catalogue)
    value = result.frame.loc[0, "commune_code"]
    assert (None if pd.isna(value) else value) == read
    assert result.warnings == warnings


def test_a_commune_code_typed_as_a_number_in_excel_is_repaired(catalogue, frame, tmp_path):
    path = write_xlsx(frame, tmp_path / "survey.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook.active["D2"] = 1001  # column D is commune_code
    workbook.save(path)
    result = read_microdata(path, catalogue)
    assert result.frame.loc[0, "commune_code"] == "01001"
    assert result.warnings == [
        "row 2, column 'commune_code': '1001' repaired to '01001' "
        "(leading zero lost in a spreadsheet)"
    ]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("a;b;c", ";"), ("a,b,c", ","), ("a;b,c;d", ";"), ("single", ",")],
)
def test_the_delimiter_is_read_from_the_header(header, delimiter):
    assert detect_delimiter(f"{header}\n1,2;3\n") == delimiter
