"""The statement PDF prints in every language the portal speaks: every font it uses is embedded, no
letter is missing from them (fpdf2 would warn, and print an empty box), the words read back in the
reader's language, and Arabic is shaped and laid out from the right. No database: the statements are
built from plain ledger lines."""

import gettext
import io
import logging
import unicodedata
import warnings
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from domain.language import LANGUAGES, _, catalogues, use
from domain.statements import pdf, periods, wording
from domain.statements.model import PackageFacts, PackageStatement
from domain.vocabulary import LedgerKind

from .builders import HOME_CARE, NDIS, line, month_statement, no_show, service

LETTERHEAD = pdf.Letterhead("Harbourside Community Care", "02 9555 0100", "hello@example.com")
CODES = [language.code for language in LANGUAGES]
# A few words in each language's own script, put before every message by a stand-in catalogue: every
# heading, label, sentence and table cell of the statement then carries that script.
SAMPLES = {
    "en_AU": "Statement",
    "zh_Hans": "资助计划结算单",
    "vi": "Bảng kê gói hỗ trợ",
    "it": "Estratto conto del pacchetto",
    "el": "Κατάσταση λογαριασμού πακέτου",
    "ar": "كشف حساب الباقة",
}


class Sampled(gettext.NullTranslations):
    """Every message with the language's sample words before it (the {fields} kept)."""

    def __init__(self, sample: str) -> None:
        super().__init__()
        self.sample = sample

    def gettext(self, message: str) -> str:
        return f"{self.sample} {message}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"{self.sample} {msgid1 if n == 1 else msgid2}"


@pytest.fixture
def sampled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogues, "translations", lambda code: Sampled(SAMPLES[code]))


def october(package: PackageFacts = HOME_CARE) -> PackageStatement:
    """A month with services, a late charge, a no-show, funding, management and a refund: every table."""
    first = date(2026, 10, 1)
    lines = [service(n, date(2026, 10, 1 + 3 * n)) for n in range(8)]
    lines += [
        service(20, date(2026, 10, 9), service_day=date(2026, 9, 30)),
        no_show(21, date(2026, 10, 14)),
        line(22, first, LedgerKind.FUNDING, 400_000, "Monthly subsidy"),
        line(23, date(2026, 10, 31), LedgerKind.CARE_MANAGEMENT, -5_000, "Care management", units=100),
        line(24, date(2026, 10, 20), LedgerKind.REFUND, 2_500, "Refund: left early", refers_to_month=first),
        line(25, date(2026, 3, 1), LedgerKind.FUNDING, 1_000_000, "Opening funds"),
    ]
    return month_statement(package, first, lines)


@pytest.fixture
def fpdf_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    """What fpdf2 warned about while the test drew (a missing letter is logged when the PDF is written)."""
    caplog.set_level(logging.WARNING, logger="fpdf")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found: list[str] = []
        yield found
        found.extend(str(warning.message) for warning in caught)
    found.extend(record.getMessage() for record in caplog.records if record.name.startswith("fpdf"))


def printed(code: str, statement: PackageStatement) -> tuple[pdf.StatementPdf, bytes]:
    with use(code):
        doc = pdf.compose(statement, LETTERHEAD)
        return doc, bytes(doc.output())


def read(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def fonts_of(reader: PdfReader) -> dict[str, DictionaryObject]:
    found: dict[str, DictionaryObject] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", DictionaryObject()).get_object().values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def check_printable(doc: pdf.StatementPdf, reader: PdfReader, warned: list[str]) -> None:
    """Every font is embedded, and no letter was missing from the fonts."""
    fonts = fonts_of(reader)
    assert fonts
    for name, font in fonts.items():
        assert font["/Subtype"] == "/Type0", name  # a Unicode font of the portal's, not a standard one
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert not [message for message in warned if "glyph" in message.lower()], warned
    for key, font in doc.fonts.items():
        lacks = getattr(font, "missing_glyphs", [])
        assert not lacks, f"{key} lacks {[chr(code) for code in lacks]}"


@pytest.mark.parametrize("code", CODES)
def test_a_statement_prints_in_each_language(code: str, fpdf_warnings: list[str]) -> None:
    doc, content = printed(code, october())
    reader, text = read(content)
    check_printable(doc, reader, fpdf_warnings)
    with use(code):
        title, month = _("Package statement"), periods.month_label(date(2026, 10, 1))
        pages = _("Page {page} of {pages}").format(page=1, pages=len(reader.pages))
    assert "Bích Nguyễn" in text
    assert reader.trailer["/Root"]["/Lang"] == code.replace("_", "-")  # en-AU, zh-Hans: read aloud in it
    if code != "ar":  # shaped Arabic reads back in presentation forms, right to left
        assert title in text
        assert month in text
        assert pages in text


@pytest.mark.parametrize("code", CODES)
def test_every_word_of_the_statement_prints_in_the_languages_script(
    code: str, sampled: None, fpdf_warnings: list[str]
) -> None:
    statement = october(NDIS)
    doc, content = printed(code, statement)
    reader, text = read(content)
    check_printable(doc, reader, fpdf_warnings)
    assert "Ζωή Alexiou" in text
    if code == "ar":
        arabic = [char for char in text if unicodedata.bidirectional(char) == "AL"]
        assert len(arabic) > 500  # every label and sentence, shaped: none lost
    else:
        assert text.count(SAMPLES[code]) > 30  # some wrap across lines in narrow columns
        assert f"{SAMPLES[code]} Services delivered" in text
        with use(code):
            said = " ".join(wording.summary_sentences(statement))
        # every word, also those on a sentence's second line (drawn in the wrong font they read as gibberish)
        assert set(said.split()) <= set(text.split())


def test_chinese_takes_its_letters_from_the_fallback_font_and_only_chinese_needs_it(
    fpdf_warnings: list[str],
) -> None:
    for code in CODES:
        _doc, content = printed(code, october())
        fonts = fonts_of(read(content)[0])
        fallback = [name for name in fonts if "DroidSansFallback" in name]
        assert bool(fallback) == (code == "zh_Hans"), (code, list(fonts))
    assert not fpdf_warnings


def title_start(content: bytes) -> tuple[float, float]:
    """Where the statement's title (the page's only 18 pt text) starts, and the page's width."""
    page = PdfReader(io.BytesIO(content)).pages[0]
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and round(size * (tm[3] or 1)) == 18:
            starts.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    assert starts
    return min(starts), float(page.mediabox.width)


def test_arabic_is_shaped_and_laid_out_from_the_right() -> None:
    doc, content = printed("ar", october())
    assert doc.text_shaping
    assert doc.right_to_left
    start, width = title_start(content)
    assert start > width / 2  # the title ends at the right margin
    english, content = printed("en_AU", october())
    assert not english.text_shaping
    assert not english.right_to_left
    start, width = title_start(content)
    assert start < width / 10  # at the left margin
