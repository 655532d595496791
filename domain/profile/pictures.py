"""Pictures people upload — a client's or a worker's portrait, a service's tile picture: one way in
through the photo pipeline (judged by content, pixels limited, re-encoded without metadata), and
one way to put the stored file in place of the old one."""

from adapters import photos
from domain.action import Action
from domain.errors import InvalidInput
from domain.language import N_, _
from storage.queries import media as media_queries

NOT_A_PHOTO = N_("That file is not a JPEG or PNG photo. Please choose a photo taken with a camera or phone.")
# The adapter's refusals, as the person reads them
REFUSED = {
    photos.TOO_LARGE: N_("That photo is larger than 5 MB. Please choose a smaller photo."),
    photos.TOO_MANY_PIXELS: N_(
        "That photo is too large (limit {megapixels} megapixels). "
        "Please choose a smaller photo or take it at a lower resolution."
    ),
    photos.NOT_A_PHOTO: NOT_A_PHOTO,
}


def checked(data: bytes, field: str) -> bytes:
    """The upload as the JPEG the portal keeps; a refusal is said at `field` and nothing is kept."""
    try:
        return photos.reencode_portrait(data)
    except ValueError as error:
        said = _(REFUSED.get(str(error), NOT_A_PHOTO)).format(megapixels=photos.MAX_PIXELS // 1_000_000)
        raise InvalidInput({field: said}) from None


def replace(act: Action, holder: object, attribute: str, picture: bytes | None) -> None:
    """Point `holder.attribute` at the new picture (None: no picture) and delete the old file; the
    row moves first, so the old file is no longer referenced when it goes."""
    old = getattr(holder, attribute)
    new = None
    if picture is not None:
        new = media_queries.add(picture, "image/jpeg", created_at=act.now, session=act.session).id
    setattr(holder, attribute, new)
    if old is not None:
        act.session.flush()
        media_queries.delete(old, session=act.session)
