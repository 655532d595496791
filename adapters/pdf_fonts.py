"""The Unicode font every PDF of the portal embeds, so names print as they are written
("Bích Nguyễn", "Ζωή Alexiou"). DejaVu Sans ships in assets/fonts with its licence."""

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FAMILY = "DejaVu"


def add_fonts(pdf: FPDF) -> None:
    """Register the regular and bold faces (embedded as subsets: only the letters used)."""
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
