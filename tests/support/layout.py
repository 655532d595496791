"""What a real browser lays out: which actions are off screen and what scrolls sideways."""

from dataclasses import dataclass

from nicegui.testing import Screen
from selenium.webdriver.support.wait import WebDriverWait

PATIENCE_SECONDS = 60

LAYOUT = """
const width = window.innerWidth;
const buttons = [...document.querySelectorAll('.card-table .action-cell .q-btn')];
const off = buttons.filter(b => {
  const r = b.getBoundingClientRect(); return r.left < 0 || r.right > width;
})
  .map(b => (b.getAttribute('aria-label') || b.textContent.trim()));
const scrolled = [...document.querySelectorAll('main *')].filter(e => {
  const style = getComputedStyle(e);
  return ['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
}).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
// a tab whose label is wider than its own box spills its words over its neighbours
const crowded = [...document.querySelectorAll('main .q-tab')].filter(t =>
  [t, ...t.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1)
).map(t => t.innerText.trim());
return {
  squeezed_tabs: crowded,
  actions: buttons.length,
  labels: buttons.map(b => b.getAttribute('aria-label') || b.textContent.trim()),
  off_screen: off,
  scrolled: scrolled,
  page_overflow: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width,
};
"""


@dataclass(frozen=True)
class Layout:
    squeezed_tabs: list[str]
    actions: int
    labels: list[str]
    off_screen: list[str]
    scrolled: list[str]
    page_overflow: int


def sized(screen: Screen, size: tuple[int, int]) -> None:
    """An exact viewport in CSS pixels; 384×512 is a 768×1024 screen at 200 % zoom."""
    width, height = size
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def settled(screen: Screen) -> None:
    """The page is built (its h1 is there) and no request of Quasar's is on its way."""
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: driver.execute_script(
            "return document.readyState === 'complete' && !!document.querySelector('main h1')"
            " && document.querySelectorAll('.q-loading-bar[role=progressbar]').length === 0"
        )
    )


def layout_of(screen: Screen) -> Layout:
    settled(screen)
    return Layout(**screen.selenium.execute_script(LAYOUT))
