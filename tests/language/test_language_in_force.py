"""Which language is in force: chosen for a block, carried to another thread, taken from the
browser for someone not signed in."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from components.language import from_browser
from domain.language import DEFAULT, carried, current, use


def test_english_unless_something_chose_another() -> None:
    assert current() == DEFAULT
    with use("el"):
        assert current().code == "el"
        with use("ar"):
            assert current().right_to_left
        assert current().code == "el"
    assert current() == DEFAULT


def test_work_carried_to_another_thread_keeps_the_language_it_was_asked_in() -> None:
    with use("zh_Hans"):
        work = carried(lambda: current().code)
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(work).result() == "zh_Hans"
        assert pool.submit(lambda: current().code).result() == DEFAULT.code  # nothing carried


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
        ("zh-CN,zh;q=0.9", "zh_Hans"),
        ("zh-Hans-CN", "zh_Hans"),
        ("zh-TW,it;q=0.8", "it"),  # traditional Chinese is not offered: the next choice
        ("fr-FR,el;q=0.5", "el"),
        ("ar-AU", "ar"),
        ("en-US", "en_AU"),
        ("", "en_AU"),
        ("*", "en_AU"),
        ("!!,%%", "en_AU"),
    ],
)
def test_the_sign_in_page_follows_the_browsers_languages(header: str, code: str) -> None:
    assert from_browser(header).code == code
