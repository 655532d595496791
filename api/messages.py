"""The signed-in worker's app messages: offers, reminders and changes, newest first."""

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel

from domain.messaging import inbox

from .errors import DomainRoute, Responses
from .fields import RecordId
from .security import SignedInWorker

router = APIRouter(prefix="/messages", tags=["messages"], route_class=DomainRoute)
NOT_YOURS: Responses = {
    403: {"description": "the message belongs to someone else"},
    404: {"description": "no such message"},
}


class Message(BaseModel):
    id: int
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None
    unread: bool
    offer_id: int | None
    shift_id: int | None

    @classmethod
    def of(cls, message: inbox.InboxMessage) -> "Message":
        return cls(
            id=message.id,
            title=message.title,
            body=message.body,
            created_at=message.created_at,
            read_at=message.read_at,
            unread=message.unread,
            offer_id=message.offer_id,
            shift_id=message.shift_id,
        )


class Inbox(BaseModel):
    unread: int
    messages: list[Message]


@router.get("", summary="My messages, newest first")
def list_messages(worker: SignedInWorker) -> Inbox:
    return Inbox(unread=inbox.unread(worker), messages=[Message.of(m) for m in inbox.messages(worker)])


@router.get("/{message_id}", summary="One of my messages", responses=NOT_YOURS)
def get_message(message_id: RecordId, worker: SignedInWorker) -> Message:
    return Message.of(inbox.message(worker, message_id))


@router.post("/{message_id}/read", summary="Mark one of my messages read", responses=NOT_YOURS)
def mark_read(message_id: RecordId, worker: SignedInWorker) -> Message:
    return Message.of(inbox.mark_read(worker, message_id))
