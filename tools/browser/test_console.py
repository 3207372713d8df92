"""The console under the face cradle, on the tablets it is made for (768x1024 and 800x1280
portrait, 1280x800 landscape): everything on the screen with nothing below the fold, whatever
messages or check-ins appear; "That hurts" the largest target; End asks first; and a client who
closed the console finds the running session again from the home page and bookings."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import make_tablet, open_page, shot, start_demo, wait

SIZES = [(768, 1024), (800, 1280), (1280, 800)]
# The longest question the engine asks, and more answers than any question has.
LONG_QUESTION = ("You have been quiet for a while. Are you asleep, or would you like the pressure "
                 "lighter, firmer, or a pause for a moment before we carry on?")


def fits(browser):
    """What of the console is off the screen: page scrolling, and any visible control or the
    message area that ends below or right of the viewport."""
    return browser.execute_script("""
        const w = window.innerWidth, h = window.innerHeight, out = [];
        const page = document.scrollingElement;
        if (page.scrollHeight > h + 1) out.push('the page scrolls by ' + (page.scrollHeight - h) + ' px');
        if (page.scrollWidth > w + 1) out.push('the page scrolls sideways by ' + (page.scrollWidth - w) + ' px');
        const parts = [...document.querySelectorAll('.controls .control, .messages, .now .state, .level-display, #check-in button')];
        for (const e of parts) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.bottom > h + 1 || r.right > w + 1) out.push((e.id || e.className) + ' ends at ' + Math.round(r.bottom) + ' of ' + h);
        }
        // A check-in's answers are whole inside the message area (never clipped under the controls).
        const box = document.querySelector('.messages').getBoundingClientRect();
        for (const e of document.querySelectorAll('#check-in:not([hidden]) button, #check-in:not([hidden]) p')) {
            const r = e.getBoundingClientRect();
            if (r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push('check-in ' + (e.textContent || '').slice(0, 20) + ' is clipped (' + Math.round(r.top) + '-' + Math.round(r.bottom) + ' in ' + Math.round(box.top) + '-' + Math.round(box.bottom) + ')');
        }
        return out;""")


def areas(browser):
    return browser.execute_script("""
        return [...document.querySelectorAll('.controls .control')].filter(e => e.offsetParent)
            .map(e => [e.id, e.getBoundingClientRect().width * e.getBoundingClientRect().height]);""")


def crowd(browser):
    """What a long session leaves on the console: thirty long messages and an open check-in with
    four answers (written into the page as the station's frames would be)."""
    browser.execute_script("""
        const log = document.getElementById('messages');
        for (let i = 0; i < 30; i++) {
            const li = document.createElement('li');
            li.textContent = '12:' + String(i).padStart(2, '0') + '  Easing off on your upper back; tell me if it is still too much, any time.';
            log.insertBefore(li, log.firstChild);
        }
        document.getElementById('latest-message').textContent = 'Easing off on your upper back; tell me if it is still too much, or tap Skip area to move on.';
        document.getElementById('check-in-question').textContent = arguments[0];
        const answers = document.getElementById('check-in-answers');
        answers.textContent = '';
        for (const label of ['Asleep, carry on', 'Lighter', 'Firmer', 'Pause']) {
            const b = document.createElement('button'); b.type = 'button'; b.textContent = label; answers.appendChild(b);
        }
        document.getElementById('check-in').hidden = false;""", LONG_QUESTION)


def end_with_confirmation(browser):
    browser.find_element(By.ID, "end").click()
    confirm = browser.find_element(By.ID, "end-confirm")
    assert confirm.is_displayed(), "End asks first"
    assert not fits(browser), fits(browser)
    browser.find_element(By.ID, "end-no").click()
    assert not confirm.is_displayed()
    assert browser.find_element(By.ID, "state").text not in ("ending", "finished"), "Keep going keeps going"
    browser.find_element(By.ID, "end").click()
    browser.find_element(By.ID, "end-yes").click()
    wait(browser, 60).until(EC.visibility_of_element_located((By.ID, "open-report")))


@pytest.mark.parametrize("width,height", SIZES)
def test_the_console_fits_the_tablet(width, height):
    browser = make_tablet(width, height)
    assert browser.execute_script("return [innerWidth, innerHeight]") == [width, height]
    try:
        start_demo(browser, f"Tess {width}x{height}")
        name = f"16-console-{width}x{height}"
        assert not fits(browser), fits(browser)
        sizes = dict(areas(browser))
        biggest = max(sizes, key=sizes.get)
        assert biggest == "that-hurts", f"the largest target is {biggest}: {sizes}"
        assert all(b.size["height"] >= 64 for b in browser.find_elements(By.CSS_SELECTOR, ".controls .control")
                   if b.is_displayed()), "touch targets are large"
        # While the arm works, Pause is offered and Resume is not.
        assert browser.find_element(By.ID, "pause").is_displayed()
        assert not browser.find_element(By.ID, "resume").is_displayed()
        shot(browser, name, full=False)
        crowd(browser)
        assert not fits(browser), "with a check-in and thirty messages: " + "; ".join(fits(browser))
        shot(browser, name + "-check-in", full=False)
        end_with_confirmation(browser)
        assert not fits(browser), fits(browser)
    finally:
        browser.quit()


def test_a_closed_console_is_found_again():
    browser = make_tablet(800, 1280)
    try:
        start_demo(browser, "Rae Joiner")
        console = browser.current_url
        # Pause, then leave the console: the station waits, paused.
        browser.find_element(By.ID, "pause").click()
        wait(browser).until(lambda b: b.find_element(By.ID, "resume").is_displayed())
        assert not browser.find_element(By.ID, "pause").is_displayed(), "Resume takes Pause's place"
        open_page(browser, "/")
        link = wait(browser).until(lambda b: b.find_element(By.CSS_SELECTOR, "a.rejoin-link"))
        assert "Your session is running on" in browser.find_element(By.CSS_SELECTOR, ".rejoin").text
        shot(browser, "17-rejoin-home")
        open_page(browser, "/bookings")
        assert browser.find_element(By.CSS_SELECTOR, "a.rejoin-link").get_attribute("href") == console
        browser.find_element(By.CSS_SELECTOR, "a.rejoin-link").click()
        wait(browser).until(lambda b: "Connected" in b.find_element(By.ID, "connection").text)
        wait(browser).until(lambda b: b.find_element(By.ID, "resume").is_displayed())
        browser.find_element(By.ID, "resume").click()
        wait(browser, 30).until(lambda b: b.find_element(By.ID, "state").text == "working")
        end_with_confirmation(browser)
        open_page(browser, "/")
        assert not browser.find_elements(By.CSS_SELECTOR, "a.rejoin-link"), "nothing left to rejoin"
    finally:
        browser.quit()
