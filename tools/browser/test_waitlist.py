"""The waitlist as clients live it: an hour full on every station, a client joins its waitlist, another cancels,
the freed time is held for the one waiting and e-mailed to them (through the real SMTP server),
and one button books it."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import URL, check_accessibility, mail_text, open_page, read_mail, shot, sign_in, sign_up, submit_sign_up, wait

DAY = "2026-11-26"  # a Thursday no other browser test books
TIME = "15:00"
PASSWORD = "a long and calm password"


def new_client(browser, name):
    browser.delete_all_cookies()
    address = sign_up(browser, name)
    return address, submit_sign_up(browser, address)


def book(browser):
    """Books the Total Back, 60 minutes, at TIME on DAY; the booking's page address."""
    open_page(browser, f"/book?program=total-back&minutes=60&date={DAY}")
    browser.find_element(By.CSS_SELECTOR, f"button.slot[value='{DAY}T{TIME}']").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "confirm-booking"))).click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    return browser.current_url.split("?")[0]


def test_a_cancelled_time_goes_to_the_client_waiting_for_it(browser):
    # Clients take the hour on every station (each sees it free until it is gone); the first
    # client who finds it full joins the waitlist for exactly that start.
    first, _ = new_client(browser, "Fay First")
    first_booking = book(browser)
    for n in range(8):
        waiting, signed_up = new_client(browser, f"Wanda Waiting {n}")
        open_page(browser, f"/book?program=total-back&minutes=60&date={DAY}")
        if not browser.find_elements(By.CSS_SELECTOR, f"button.slot[value='{DAY}T{TIME}']"):
            break
        book(browser)
    offered = [slot.get_attribute("value") for slot in browser.find_elements(By.CSS_SELECTOR, "button.slot")]
    assert f"{DAY}T{TIME}" not in offered, offered
    Select(browser.find_element(By.ID, "wait-from")).select_by_visible_text(TIME)
    Select(browser.find_element(By.ID, "wait-to")).select_by_visible_text(TIME)
    browser.find_element(By.ID, "join-waitlist").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "joined")))
    entry = browser.find_element(By.ID, "waitlist").text
    assert "Total Back" in entry and "60 min" in entry and "15:00 to 15:00" in entry and "waiting" in entry, entry
    check_accessibility(browser)
    shot(browser, "23-waitlist")

    # The first client cancels (the page asks first).
    browser.delete_all_cookies()
    sign_in(browser, first, PASSWORD)
    open_page(browser, first_booking[len(URL):] + "/cancel")
    browser.find_element(By.ID, "confirm-cancel").click()
    wait(browser).until(EC.url_contains("cancelled"))

    # The one waiting hears of it by e-mail, with the hold and a link to the waitlist.
    offer_name, offer = read_mail(waiting, {signed_up})
    assert offer["Subject"].startswith("A time is free for you: Total Back"), offer["Subject"]
    body = mail_text(offer)
    assert TIME in body and "/waitlist" in body, body

    # Signed in, the waitlist shows the held time; one button books it.
    browser.delete_all_cookies()
    sign_in(browser, waiting, PASSWORD)
    open_page(browser, "/waitlist")
    held = browser.find_element(By.CSS_SELECTOR, ".waitlist-entry .offer").text
    assert TIME in held, held
    shot(browser, "24-waitlist-offer")
    browser.find_element(By.CSS_SELECTOR, ".waitlist-entry button.primary").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "booked")))
    check_accessibility(browser)
    _, booked = read_mail(waiting, {signed_up, offer_name})
    assert booked["Subject"].startswith("Booked: Total Back"), booked["Subject"]

