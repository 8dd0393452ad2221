"""Files over the upload limit, in real headless Chromium against real gunicorn.

dcc.Upload drops a file over its ``max_size`` in the browser without a word: no callback fires
(plotly/dash#2638). assets/upload_limit.js says so in the alert made for it beside the upload
report, in the page's language, and clears it when an acceptable file follows.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from dashboard.upload.decoding import MAX_UPLOAD_BYTES
from tests.dashboard.pages.test_carte_browser import MARK, norm, open_page, settle

pytestmark = pytest.mark.browser

COMMUNES = "/?level=commune&territory=28&show=upload"
FILE_INPUT = "#upload input[type=file]"
ALERT = "#upload-too-large"
JUST_OVER = b"14118;1\n" * (MAX_UPLOAD_BYTES // 8) + b"\n"  # the limit and one byte
READ_3_4_MB = 3_500_000  # 3.34 MiB, read "3,4 Mo": tenths rounded up
GOOD_CSV = b"14118;12,5\n14712;7\n"  # Caen, Troarn
WAIT_FOR_A_REQUEST_MS = 2_000

# Drop a file of ``size`` bytes named ``name`` on the upload zone, as a visitor's mouse does.
DROP = """
([name, size]) => {
  const zone = document.querySelector('#upload .upload-zone');
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(size)], name, { type: 'text/csv' }));
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true,
                                             dataTransfer: transfer }));
  }
}
"""


def carries_an_upload(request) -> bool:
    """Whether a request is a callback carrying the contents of the page's upload."""
    if request.method != "POST" or urlsplit(request.url).path != "/_dash-update-component":
        return False
    body = json.loads(request.post_data or "{}")
    items = []
    for item in [*body.get("inputs", []), *body.get("state", [])]:
        items += item if isinstance(item, list) else [item]
    return any(
        item.get("id") == "upload" and item.get("property") == "contents" and item.get("value")
        for item in items
    )


@pytest.fixture()
def visit(browser, live_server):
    """Open the Carte's commune level; the callbacks carrying an upload are kept in
    ``page.uploads``."""
    contexts = []

    def opened(query: str = ""):
        context, page = open_page(browser, f"{live_server}{COMMUNES}{query}")
        contexts.append(context)
        page.uploads = []
        page.on(
            "request", lambda request: carries_an_upload(request) and page.uploads.append(request)
        )
        return page

    yield opened
    for context in contexts:
        context.close()


def alert_text(page) -> str:
    page.wait_for_function(f"() => document.querySelector('{ALERT}').textContent !== ''")
    return norm(page.locator(ALERT).text_content())


def choose_file(page, name: str, data: bytes) -> None:
    page.set_input_files(FILE_INPUT, files=[{"name": name, "mimeType": "text/csv", "buffer": data}])


def test_the_prompt_says_the_limit_and_the_file_input_carries_it(visit):
    page = visit()
    assert norm(page.locator("#upload").inner_text()) == (
        "Déposer un CSV (code INSEE ; valeur) de 2 Mo au plus, ou cliquer pour choisir"
    )
    page.wait_for_selector(f"{FILE_INPUT}[aria-label]", state="attached")
    assert "de 2 Mo au plus" in norm(page.get_attribute(FILE_INPUT, "aria-label"))


def test_a_file_over_the_limit_is_named_not_sent_and_a_good_file_clears_the_alert(visit):
    page = visit()
    alert = page.locator(ALERT)
    assert alert.get_attribute("role") == "alert"
    assert alert.text_content() == ""

    choose_file(page, "données.csv", JUST_OVER)
    assert alert_text(page) == (
        "Fichier trop lourd : données.csv fait 2,1 Mo ; la limite est de 2 Mo. "
        "Il n'a pas été envoyé."
    )
    page.wait_for_timeout(WAIT_FOR_A_REQUEST_MS)
    assert page.uploads == []
    assert page.locator("#upload-report").text_content() == ""

    page.evaluate(MARK)
    choose_file(page, "valeurs.csv", GOOD_CSV)
    page.wait_for_selector("#upload-report .upload-summary", timeout=30_000)
    assert alert.text_content() == ""
    assert len(page.uploads) == 1  # the same watch sees an upload that is sent
    assert norm(page.locator("#upload-report .upload-summary").inner_text()) == (
        "valeurs.csv : 2 lignes jointes, 0 lignes écartées"
    )
    assert settle(page)["traces"]["ok"]["locations"] == ["14118", "14712"]


def test_a_dropped_file_over_the_limit_is_named_as_text(visit):
    page = visit()
    name = "<img src=x onerror=alert(1)>.csv"
    page.evaluate(DROP, [name, READ_3_4_MB])
    assert alert_text(page) == (
        f"Fichier trop lourd : {name} fait 3,4 Mo ; la limite est de 2 Mo. Il n'a pas été envoyé."
    )
    assert page.locator(f"{ALERT} *").count() == 0
    page.wait_for_timeout(WAIT_FOR_A_REQUEST_MS)
    assert (page.uploads, page.dialogs) == ([], [])

    page.evaluate(DROP, ["petit.csv", 100])  # a hundred zero bytes: sent, then refused
    page.wait_for_function(f"() => document.querySelector('{ALERT}').textContent === ''")
    page.wait_for_function("() => document.querySelector('#upload-report').textContent !== ''")
    assert len(page.uploads) == 1  # the drop reached dcc.Upload: the first one was dropped by it


def test_the_english_page_says_it_in_english(visit):
    page = visit("&lang=en")
    assert norm(page.locator("#upload").inner_text()) == (
        "Drop a CSV (INSEE code; value) of up to 2 MB, or click to choose"
    )
    choose_file(page, "data.csv", b"14118;1\n" * (READ_3_4_MB // 8))
    assert alert_text(page) == (
        "File too large: data.csv is 3.4 MB; the limit is 2 MB. It was not sent."
    )
    page.wait_for_timeout(WAIT_FOR_A_REQUEST_MS)
    assert page.uploads == []
