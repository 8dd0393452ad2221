"""Permalink, embed code and export links of a view."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from dashboard.core.state import AppState
from dashboard.views.sharing import EMBED_SANDBOX, embed_code, export_url, share_links

ORIGIN = "https://phare.example.org/"
STATE = AppState(actor="citoyens", indicator="fragility_mean_score", fragility="emploi")


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


class Frames(HTMLParser):
    """The attributes of each <iframe>, and the text of each <script>, of a snippet."""

    def __init__(self):
        super().__init__()
        self.frames: list[dict] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parsed(snippet: str) -> Frames:
    frames = Frames()
    frames.feed(snippet)
    return frames


def test_the_permalink_pins_the_release_and_keeps_the_view():
    links = share_links(ORIGIN, "/", STATE, "publie-abc123", "Carte")
    assert links.permalink.startswith("https://phare.example.org/?")
    assert query_of(links.permalink) == {
        "release": ["publie-abc123"],
        "actor": ["citoyens"],
        "indicator": ["fragility_mean_score"],
        "fragility": ["emploi"],
    }


def test_the_embed_url_is_the_same_view_in_embed_mode_and_links_back_to_the_full_one():
    embedded = STATE.model_copy(update={"embed": True})
    links = share_links(ORIGIN, "/region/28", embedded, "publie-abc123", "Profil")
    assert urlsplit(links.embed_url).path == "/region/28"
    assert query_of(links.embed_url)["embed"] == ["1"]
    assert "embed" not in query_of(links.full_view)


def test_exports_are_relative_links_to_the_same_view():
    links = share_links(ORIGIN, "/", STATE, "publie-abc123", "Carte")
    images = dict(links.images)
    assert urlsplit(images["png-16-9"]).path == "/export/view.png"
    assert query_of(images["png-16-9"])["width"] == ["1920"]
    assert query_of(images["png-4-3"])["width"] == ["1440"]
    assert query_of(images["png-4-3"])["height"] == ["1080"]
    assert urlsplit(images["svg"]).path == "/export/view.svg"
    tables = dict(links.tables)
    assert query_of(tables["standard"])["flavour"] == ["standard"]
    assert query_of(tables["fr"])["actor"] == ["citoyens"]


def test_an_export_of_the_default_view_has_a_well_formed_query():
    assert export_url("csv", AppState(), flavour="fr") == "/export/view.csv?flavour=fr"
    assert export_url("csv", AppState()) == "/export/view.csv"


def test_the_embed_code_is_a_sandboxed_frame_of_the_embed_view():
    links = share_links(ORIGIN, "/", STATE, "publie-abc123", "PHARE – Carte")
    (frame,) = parsed(links.embed_code).frames
    assert frame["src"] == links.embed_url
    assert frame["sandbox"] == EMBED_SANDBOX
    assert set(EMBED_SANDBOX.split()) == {
        "allow-scripts",
        "allow-same-origin",
        "allow-downloads",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
    }
    assert frame["title"] == "PHARE – Carte"
    assert frame["height"] == "760"


def test_the_resizing_script_accepts_only_the_dashboards_origin_and_its_own_frame():
    snippet = embed_code(
        "https://phare.example.org", "https://phare.example.org/?embed=1", "x", 600
    )
    (frame,) = parsed(snippet).frames
    (script,) = parsed(snippet).scripts
    assert 'event.origin !== "https://phare.example.org"' in script
    assert "event.source !== frame.contentWindow" in script
    assert f'document.getElementById("{frame["id"]}")' in script
    assert "height >= 200 && height <= 5000" in script


def test_a_hostile_title_or_origin_cannot_break_out_of_the_snippet():
    title = '"><script>alert(1)</script>'
    origin = 'https://x.example"</script><script>alert(2)//'
    snippet = embed_code(origin, "https://x.example/?embed=1", title, 600)
    frames = parsed(snippet)
    assert [frame["title"] for frame in frames.frames] == [title]  # an attribute, escaped
    assert len(frames.scripts) == 1 and "alert(2)" in frames.scripts[0]  # inside a JS string
    assert snippet.count("<script") == 1 and snippet.count("</script") == 1
