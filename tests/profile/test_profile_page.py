"""The profile screen: saving details, refusing bad ones with a message, uploading a photo."""

import io

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from PIL import Image
from sqlalchemy import select

from storage import db
from storage.models import Account, Client
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def client_row(client_id: int) -> Client:
    with db.read() as session:
        return session.get(Client, client_id)


def field(user: User, marker: str) -> ui.input:
    return next(iter(user.find(marker=marker).elements))


async def test_a_new_mobile_number_is_saved(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    user.find(marker="mobile_phone").clear().type("0491 570 110")
    user.find("Save phone and e-mail").click()
    await eventually(lambda: client_row(margaret).mobile_phone == "+61491570110", "the number is saved")
    await user.should_see("Phone and e-mail saved.")


async def test_a_wrong_mobile_number_is_explained_and_changes_nothing(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    before = client_row(margaret).mobile_phone
    await sign_in(user, "margaret@example.com")
    user.find(marker="mobile_phone").clear().type("12345")
    user.find("Save phone and e-mail").click()
    await eventually(lambda: field(user, "mobile_phone").error is not None, "the field shows what is wrong")
    assert "not an Australian phone number" in field(user, "mobile_phone").error
    assert client_row(margaret).mobile_phone == before


async def test_a_wrong_postcode_is_explained_and_changes_nothing(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    user.find(marker="home_postcode").clear().type("3000")
    user.find("Save home address").click()
    await eventually(lambda: field(user, "home_postcode").error is not None, "the postcode shows the problem")
    assert "not in NSW" in field(user, "home_postcode").error
    assert client_row(margaret).home_postcode == "2204"


async def test_an_address_off_the_map_is_saved_and_flagged(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    user.find(marker="home_street").clear().type("1 Hidden Track")
    user.find(marker="home_suburb").clear().type("Nowhere Creek")
    user.find(marker="home_postcode").clear().type("2999")
    user.find("Save home address").click()
    await eventually(lambda: client_row(margaret).home_street == "1 Hidden Track", "the address is saved")
    await user.should_see("We could not find this address on the map")


def upload(user: User, data: bytes, name: str, content_type: str) -> None:
    uploader = next(iter(user.find(marker="photo-upload").elements))
    with user:
        ui.timer(0, lambda: uploader.handle_uploads([SmallFileUpload(name, content_type, data)]), once=True)


async def test_a_photo_is_uploaded_and_replaces_the_old_one(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    old_photo = client_row(margaret).photo_media_id
    await sign_in(user, "margaret@example.com")
    out = io.BytesIO()
    Image.new("RGB", (400, 500), (20, 140, 90)).save(out, format="JPEG")
    upload(user, out.getvalue(), "me.jpg", "image/jpeg")
    await eventually(lambda: client_row(margaret).photo_media_id != old_photo, "the photo is replaced")
    await user.should_see("Photo saved.")


async def test_a_file_that_is_not_a_photo_is_refused_with_a_message(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    old_photo = client_row(margaret).photo_media_id
    await sign_in(user, "margaret@example.com")
    upload(user, b"MZ\x90\x00 an executable renamed", "holiday.jpg", "image/jpeg")
    await user.should_see("not a JPEG or PNG photo", retries=50)
    assert client_row(margaret).photo_media_id == old_photo


async def test_the_larger_text_choice_is_remembered(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    user.find(marker="account-menu").click()
    user.find(marker="large-text").click()

    def remembered() -> bool:
        with db.read() as session:
            query = select(Account.large_text).where(Account.email == "margaret@example.com")
            return bool(session.scalar(query))

    await eventually(remembered, "the choice is saved")
