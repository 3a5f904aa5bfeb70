"""The embedded form in a real browser: the snippet of docs/EMBEDDING.md, pasted into a bare page
that another loopback origin serves (as an agency's site would), posted by headless Chromium to the
real inbox-server. From the allowed origin the question is stored with its page and topic and the
thanks page links back; from an origin that is not allowed Chromium gets the 403 form with the
text kept and nothing is stored. axe checks the snippet's page, and the inbox's own form with its
topics in both languages."""
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, Server
# `browser` is the form tests' fixture (a Swedish headless Chromium), imported for pytest to find.
from test_form_in_browser import REFERENCE, accessibility_problems, browser, chromium, tab_to, type_keys  # noqa: F401

PAGE_PATH = "/om-oss/kontakt"


def snippet(inbox_address):
    """The HTML block of docs/EMBEDDING.md, pointed at this inbox-server."""
    text = (ROOT / "docs" / "EMBEDDING.md").read_text()
    block = re.search(r"```html\n(.*?)```", text, re.S).group(1)
    assert 'name="page" value="/om-oss/kontakt"' in block, "the snippet's page field changed; update the test"
    return block.replace("https://kontakt.myndigheten.se", inbox_address)


class AgencySite:
    """A bare agency page on its own loopback origin; `body` (the snippet) is set once the inbox's
    address is known."""

    def __init__(self, host):
        self.body = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                page = (f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kontakt</title></head>'
                        f"<body><main><h1>Om oss</h1><p>Myndighetens sida.</p>{site.body}</main></body></html>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_the_snippet_posts_from_an_allowed_origin_and_is_refused_from_another(inbox, browser):
    # Two agency sites: 127.0.0.1 on a port of its own is allowed; "localhost" is another origin.
    allowed_site, other_site = AgencySite("127.0.0.1"), AgencySite("localhost")
    server = Server(inbox, "--rate-limit", "off", "--allowed-origin", allowed_site.origin)
    inbox_address = f"http://127.0.0.1:{server.port}"
    allowed_site.body = other_site.body = snippet(inbox_address)
    server.start()
    try:
        browser.get(f"{allowed_site.origin}{PAGE_PATH}")
        assert accessibility_problems(browser) == []
        tab_to(browser, "contact-inbox-question")
        type_keys(browser, "Finns broschyren på lätt svenska?")
        tab_to(browser, "contact-inbox-topic", limit=1)
        ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
        tab_to(browser, "contact-inbox-email", limit=2)  # past the notice link in the hint
        type_keys(browser, "anna@example.se")
        ActionChains(browser).send_keys(Keys.TAB, Keys.ENTER).perform()
        WebDriverWait(browser, 30).until(lambda driver: "/thanks" in driver.current_url)
        assert browser.current_url.startswith(inbox_address)
        reference = REFERENCE.search(browser.find_element(By.CSS_SELECTOR, ".reference").text).group(0)
        back = browser.find_element(By.LINK_TEXT, "Tillbaka till sidan du kom från")
        assert back.get_attribute("href") == f"{allowed_site.origin}{PAGE_PATH}"
        assert accessibility_problems(browser) == []
        [record] = inbox.records()
        assert record["reference"] == reference and record["page"] == PAGE_PATH and record["topic"] == "accessibility"

        # The same snippet on a site that is not allowed: 403, the text kept, nothing stored.
        browser.get(f"{other_site.origin}{PAGE_PATH}")
        browser.find_element(By.ID, "contact-inbox-question").send_keys("Köp billiga klockor")
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 30).until(lambda driver: driver.current_url.startswith(inbox_address))
        alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
        assert "får använda det" in alert.text
        assert browser.find_element(By.ID, "question").get_attribute("value") == "Köp billiga klockor"
        assert accessibility_problems(browser) == []
        assert len(inbox.records()) == 1
    finally:
        server.stop()
        allowed_site.close()
        other_site.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_form_with_topics_in_both_languages(inbox, language):
    server = Server(inbox, "--rate-limit", "off").start()
    driver = chromium("sv-SE,sv" if language == "sv" else "en-GB,en")
    try:
        driver.get(f"http://127.0.0.1:{server.port}/?lang={language}")
        label = driver.find_element(By.CSS_SELECTOR, "label[for=topic]").text
        assert label == ("Vad gäller frågan?" if language == "sv" else "What is your question about?")
        options = [option.text for option in driver.find_elements(By.CSS_SELECTOR, "#topic option")]
        assert options == (["Allmän fråga", "Tillgänglighet på webbplatsen"] if language == "sv"
                           else ["A general question", "Accessibility of this website"])
        assert accessibility_problems(driver) == []
    finally:
        driver.quit()
        server.stop()
