"""The Unicode fonts every PDF of the portal embeds, so names print as they are written
("Bích Nguyễn", "Ζωή Alexiou") and a statement prints in every language the portal speaks. DejaVu
Sans (Latin with Vietnamese, Greek, Arabic) and Droid Sans Fallback (Chinese) ship in assets/fonts
with their licences."""

from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FAMILY = "DejaVu"
FALLBACK = "DroidFallback"  # only the letters DejaVu lacks: Chinese


def add_fonts(pdf: FPDF) -> None:
    """Register the regular and bold faces (embedded as subsets: only the letters used)."""
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")


def add_fallback(pdf: FPDF) -> None:
    """Droid Sans Fallback for any letter DejaVu lacks, in regular and bold text (it has one face).
    Read only when needed: it is a 4 MB font."""
    if FALLBACK.lower() not in pdf.fonts:
        pdf.add_font(FALLBACK, "", FONTS / "DroidSansFallbackFull.ttf")
    pdf.set_fallback_fonts([FALLBACK], exact_match=False)


def covers(pdf: FPDF, texts: Iterable[str]) -> bool:
    """Whether DejaVu, regular and bold (add_fonts), has every letter of the texts."""
    regular, bold = pdf.fonts[FAMILY.lower()], pdf.fonts[FAMILY.lower() + "B"]
    wanted = {ord(char) for text in texts for char in text if not char.isspace()}
    return all(code in regular.cmap and code in bold.cmap for code in wanted)  # type: ignore[union-attr]
