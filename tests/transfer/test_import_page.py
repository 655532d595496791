"""The import page as an administrator uses it (NiceGUI's simulated User): a file with problems
is checked and every problem is listed by row and column, nothing written; a good file imported."""

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from sqlalchemy import func, select

from demo import import_file
from storage import db
from storage.models import Worker
from tests.support.ui import seen, sign_in


def upload(user: User, data: bytes, name: str) -> None:
    uploader = next(iter(user.find(marker="workers-upload").elements))
    with user:
        ui.timer(0, lambda: uploader.handle_uploads([SmallFileUpload(name, "text/csv", data)]), once=True)


def workers_in_agency() -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Worker)) or 0


async def test_an_administrator_checks_a_bad_file_then_imports_a_good_one(
    user: User, demo_portal: str
) -> None:
    before = workers_in_agency()
    rows = import_file.worker_rows(5, start=900_001)
    rows[1][import_file.HEADER.index("gender")] = "robot"
    rows[3][import_file.HEADER.index("postcode")] = "3000"
    await sign_in(user, "admin@example.com")
    await user.open("/admin/import")
    await seen(user, "competencies")
    upload(user, import_file.as_csv(rows), "workers.csv")
    await seen(user, "Chosen: workers.csv")
    user.find(marker="workers-import").click()
    await seen(user, "2 problems in 5 rows; nothing was written.")
    with user:
        [table] = user.find(marker="workers-problems").elements
        assert [(r["row"], r["column"]) for r in table.rows] == [(3, "gender"), (5, "postcode")]
    assert workers_in_agency() == before
    good = import_file.worker_rows(5, start=900_001)
    upload(user, import_file.as_csv(good), "workers-corrected.csv")
    await seen(user, "Chosen: workers-corrected.csv")
    user.find(marker="workers-check").click()
    await seen(user, "Ready to import: 5 new, 0 changed, 0 unchanged of 5 rows.")
    assert workers_in_agency() == before
    user.find(marker="workers-import").click()
    await seen(user, "Imported: 5 new, 0 changed, 0 unchanged of 5 rows.")
    assert workers_in_agency() == before + 5


async def test_a_roster_officer_cannot_open_the_import(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/import")
    await user.should_see("You do not have access")
