"""Staff on the studio floor: the dashboard shows a client's running session live, and its
emergency stop stops the station at once (the client's console shows it too)."""

import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import (
    answer_all_well, check_accessibility, make_browser, open_page, shot, sign_in, sign_up, start_demo, submit_sign_up,
    wait)


def test_dashboard_shows_the_session_and_the_emergency_stop_stops_it(browser):
    # A client starts a demo session and keeps the console open.
    start_demo(browser, "Kim Demo")

    staff = make_browser()
    try:
        sign_in(staff, os.environ["UNKNOT_STAFF_EMAIL"], os.environ["UNKNOT_STAFF_PASSWORD"])
        open_page(staff, "/staff")
        card = wait(staff).until(
            lambda s: next((c for c in s.find_elements(By.CSS_SELECTOR, ".station") if "Kim Demo" in c.text), None))
        assert "working" in card.text.lower()
        station = card.get_attribute("id")
        shot(staff, "11-staff-dashboard")
        card.find_element(By.CSS_SELECTOR, "button.estop").click()
        wait(staff).until(lambda s: "Staff stopped the arm" in s.find_element(By.ID, station).text)
        shot(staff, "12-staff-emergency-stop")
        # Ending asks first.
        open_page(staff, "/staff/stations/" + station.split("-")[1] + "/end")
        assert staff.find_element(By.ID, "confirm-end").is_displayed()
        staff.find_element(By.LINK_TEXT, "No, back to the floor").click()
        # The calendar beyond today and the client look-up: the journey's client booked on Monday.
        open_page(staff, "/staff/calendar?date=2026-11-23&view=week")
        assert "Robin Tester" in staff.find_element(By.ID, "calendar").text
        shot(staff, "22-staff-calendar")
        open_page(staff, "/staff/clients?q=robin")
        staff.find_element(By.CSS_SELECTOR, "#clients-found a").click()
        wait(staff).until(EC.presence_of_element_located((By.ID, "client-sessions")))
        check_accessibility(staff)
        # The station really stopped: the client's console says so and no pressure is applied.
        wait(browser, 10).until(lambda b: b.find_element(By.ID, "state").text == "Staff stopped the arm")
        assert not browser.find_element(By.ID, "resume").is_displayed(), "no Resume while staff's stop holds"
        wait(browser, 10).until(lambda b: b.find_element(By.ID, "level").text == "–")
        shot(browser, "13-console-stopped", full=False)
    finally:
        staff.quit()


def test_pages_fit_a_tablet(tablet):
    """From 768 px wide: nothing scrolls sideways on the main pages."""
    submit_sign_up(tablet, sign_up(tablet, "Tab Let"))
    for path in ("/", "/care-plan", "/book", "/bookings", "/account"):
        open_page(tablet, path)
        overflow = tablet.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at 768 px"
    assert "/api/calendar/" in tablet.find_element(By.ID, "calendar-address").text
    shot(tablet, "19-tablet-account")
    open_page(tablet, "/bookings")
    shot(tablet, "14-tablet-bookings")
    open_page(tablet, "/care-plan")
    shot(tablet, "14-tablet-care-plan", full=False)
    # The console too, with its big buttons all on the screen's width.
    open_page(tablet, "/")
    tablet.find_element(By.ID, "start-demo").click()
    answer_all_well(tablet)
    wait(tablet).until(lambda b: "Connected" in b.find_element(By.ID, "connection").text)
    overflow = tablet.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the console scrolls sideways by {overflow} px at 768 px"
    buttons = [b for b in tablet.find_elements(By.CSS_SELECTOR, ".control") if b.is_displayed()]
    assert all(b.size["height"] >= 64 for b in buttons), "touch targets are large"
    shot(tablet, "15-tablet-console", full=False)
    tablet.find_element(By.ID, "end").click()
    tablet.find_element(By.ID, "end-yes").click()
