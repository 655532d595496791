"""The demo agency's news: a welcome video with captions for everyone, a flu-vaccination poster, a
PDF newsletter for the newsletter group and Margaret, and a web link for the over-80s. The poster
and the newsletter are drawn here, at seed time; the video and its captions ship in assets/media."""

import functools
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select
from sqlalchemy.orm import Session

from adapters import media_store, pdf_fonts
from domain.vocabulary import MediaKind, NewsState
from storage.models import Account, MarketingAudience, MarketingGroup, MarketingItem, client_marketing_group

MEDIA = Path(__file__).resolve().parent.parent / "assets" / "media"
FONT = pdf_fonts.FONTS / "DejaVuSans-Bold.ttf"


@functools.cache
def _files() -> dict[str, tuple[bytes, str]]:
    """The demo's media, made once per process (the same bytes every time, so the same names)."""
    return {
        "video": ((MEDIA / "welcome.webm").read_bytes(), media_store.WEBM),
        "captions": ((MEDIA / "welcome.vtt").read_bytes(), media_store.VTT),
        "poster": (_poster("Flu vaccinations", "are here", "#1d4f91"), media_store.PNG),
        "cover": (_poster("Welcome", "to your Care Portal", "#00695c"), media_store.PNG),
        "newsletter": (_newsletter(), media_store.PDF),
    }


def restore_media(session: Session) -> None:
    """Put back the demo's files where the database names them and the media folder lacks them: a
    copy of the demo database started on another data folder (the tests do this) shows its news."""
    named = {
        name
        for row in session.execute(
            select(MarketingItem.media_path, MarketingItem.poster_path, MarketingItem.captions_path)
        )
        for name in row
        if name is not None
    }
    for data, content_type in _files().values():
        if (
            media_store.name_for(data, content_type) in named
            and media_store.path_of(media_store.name_for(data, content_type)) is None
        ):
            media_store.keep_bytes(data, content_type)


def seed_news(session: Session, *, now: datetime, admin_email: str, named_client_id: int) -> None:
    admin = session.scalar(select(Account.id).where(Account.email == admin_email))
    groups = {g.name: g.id for g in session.scalars(select(MarketingGroup))}
    kept = {
        what: media_store.keep_bytes(data, content_type) for what, (data, content_type) in _files().items()
    }
    video, captions, poster, cover, newsletter = (
        kept[what] for what in ("video", "captions", "poster", "cover", "newsletter")
    )
    plan = [
        _Plan(
            "Welcome to your Care Portal",
            "A short video about what you can do here.",
            MediaKind.VIDEO_FILE,
            20,
            video,
            poster=cover.name,
            captions=captions.name,
            everyone=True,
        ),
        _Plan(
            "Flu vaccinations are here",
            "Free for everyone over 65. Ask your support worker or call us to book.",
            MediaKind.IMAGE,
            6,
            poster,
            everyone=True,
        ),
        _Plan(
            "Summer newsletter",
            "News from the agency, summer 2026.",
            MediaKind.PDF,
            3,
            newsletter,
            groups=("Newsletter",),
        ),
        _Plan(
            "Staying cool in a heatwave",
            "Advice from the Department of Health.",
            MediaKind.WEB_LINK,
            1,
            link="https://www.health.gov.au/topics/environmental-health/about/heat-related-illness",
            groups=("Over 80s",),
        ),
    ]
    for plan_item in plan:
        item = plan_item.record(now, admin)
        session.add(item)
        session.flush()
        if not plan_item.everyone:  # Margaret is named on every item for a group, so the demo shows it
            session.add(MarketingAudience(item_id=item.id, client_id=named_client_id))
            session.add_all(MarketingAudience(item_id=item.id, group_id=groups[g]) for g in plan_item.groups)


@dataclass(frozen=True)
class _Plan:
    title: str
    about: str
    kind: MediaKind
    days_ago: int
    stored: media_store.Stored | None = None
    poster: str | None = None
    captions: str | None = None
    link: str | None = None
    everyone: bool = False
    groups: tuple[str, ...] = ()

    def record(self, now: datetime, admin: int | None) -> MarketingItem:
        return MarketingItem(
            title=self.title,
            description=self.about,
            media_kind=self.kind,
            state=NewsState.SCHEDULED,
            to_everyone=self.everyone,
            media_path=self.stored.name if self.stored else None,
            media_type=self.stored.content_type if self.stored else None,
            poster_path=self.poster,
            captions_path=self.captions,
            link_url=self.link,
            publish_from=now - timedelta(days=self.days_ago),
            created_at=now,
            created_by_account_id=admin,
        )


def _poster(first: str, second: str, colour: str) -> bytes:
    image = Image.new("RGB", (640, 360), colour)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(str(FONT), 56), ImageFont.truetype(str(FONT), 34)
    draw.text((40, 110), first, font=big, fill="#ffffff")
    draw.text((40, 190), second, font=small, fill="#ffffff")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _newsletter() -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 11, 1, tzinfo=UTC))
    pdf_fonts.add_fonts(pdf)
    pdf.add_page()
    pdf.set_font(pdf_fonts.FAMILY, "B", 22)
    pdf.cell(0, 12, "Summer newsletter", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf_fonts.FAMILY, "", 14)
    for paragraph in (
        "Welcome to the summer edition of our newsletter.",
        "Flu vaccinations: free for everyone over 65. Ask your support worker or call us to book.",
        "Heatwaves: drink water through the day, keep blinds closed, and call us if you feel unwell.",
        "Over the holidays our office is open every weekday except public holidays.",
    ):
        pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def add_many(session: Session, *, count: int, now: datetime, named_client_id: int) -> None:
    """`count` more items showing now (for the benchmarks): a third to everyone, a third to a group
    the client is in, a third naming the client."""
    group = MarketingGroup(name=f"Benchmark group {now:%Y%m%d%H%M%S}")
    session.add(group)
    session.flush()
    session.execute(client_marketing_group.insert().values(client_id=named_client_id, group_id=group.id))
    poster = media_store.keep_bytes(*_files()["poster"])
    for number in range(count):
        item = _Plan(
            f"News item {number + 1}",
            "A benchmark item.",
            MediaKind.IMAGE,
            1 + number % 30,
            poster,
            everyone=number % 3 == 0,
        ).record(now - timedelta(minutes=number), None)
        session.add(item)
        session.flush()
        if number % 3 == 1:
            session.add(MarketingAudience(item_id=item.id, group_id=group.id))
        elif number % 3 == 2:
            session.add(MarketingAudience(item_id=item.id, client_id=named_client_id))
