"""Writes about people: erasing a person's personal data on request (GDPR)."""

import json

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext

from conference.models import Event, EventPerson, ReviewStatus
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person

ERASED_NAME = "Borttagen person"
ANONYMOUS_ATTRIBUTION = "Anonym"
ERASURE_MESSAGE = "Personuppgifter borttagna på begäran (GDPR)."
NAME_IN_TEXT_FLAG = (
    "En borttagen person kan nämnas i texten; kontrollera och ta bort namnet."
)
ERASED_SLUG_PREFIX = "borttagen-"
_ERASED_KEY_SALT = "speakers_app.erased_person"
_ERASED_QUOTE_SALT = "speakers_app.erased_person_quote"


def erased_key(slug: str, secret: str | bytes | None = None) -> str:
    """Return the slug an erased person gets: the same for the same old slug, no name.

    The loader finds people by the slug of their name; keeping this key lets it
    recognise an erased person when their document is loaded again. It is an HMAC
    keyed with SECRET_KEY, not a plain hash: the source documents are public, so a
    plain hash of each name in them would tell anyone who saw the key who was erased.
    """
    digest = salted_hmac(_ERASED_KEY_SALT, slug, secret, algorithm="sha256")
    return ERASED_SLUG_PREFIX + digest.hexdigest()[:16]


def erased_keys(slug: str) -> list[str]:
    """Return ``slug``'s erased key under SECRET_KEY and each SECRET_KEY_FALLBACKS.

    A rotated key must stay in the fallbacks for as long as documents naming people
    erased under it may be loaded again; without it those people would come back.
    """
    return [erased_key(slug, secret) for secret in _secrets()]


def erased_quote_key(natural_key: str, secret: str | bytes | None = None) -> str:
    """Return the loader key of a quote by an erased person, from its usual key.

    The loader's key for a quote is a plain hash of the session, the speaker's name,
    the text and the position: anyone with the text could test names against it.
    """
    digest = salted_hmac(_ERASED_QUOTE_SALT, natural_key, secret, algorithm="sha256")
    return digest.hexdigest()[:40]


def erased_quote_keys(natural_key: str) -> list[str]:
    """Return ``erased_quote_key`` under SECRET_KEY and each SECRET_KEY_FALLBACKS."""
    return [erased_quote_key(natural_key, secret) for secret in _secrets()]


def _secrets() -> list:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


@transaction.atomic
def erase_person(*, person: Person, by_user: AbstractBaseUser) -> Person:
    """Remove ``person``'s personal data everywhere and record that it happened.

    What they said stays, without their name: quotes become anonymous and content
    blocks lose the link to them. Their roles in sessions and events, their photo and
    every history row holding their data are deleted. Sessions and events whose text
    names them are flagged for review, since free text cannot be cleaned safely by
    machine. The slug becomes ``erased_key`` of the old one (and their quotes' loader
    keys ``erased_quote_key``), so that loading their document again skips them
    instead of creating them anew; the old slug is removed from what the loader
    remembered about sessions and events.
    The record of the erasure (an admin log entry) holds no personal data.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    name = person.name
    loader_slug = _loader_slug(person)

    _forget_in_loader_bookkeeping(person, loader_slug)
    for quote in Quote.objects.filter(person=person):
        quote.person = None
        quote.attribution = ANONYMOUS_ATTRIBUTION
        if quote.natural_key:
            quote.natural_key = erased_quote_key(quote.natural_key)
        quote._history_user = by_user
        quote.save()
    old_quotes = Quote.history.filter(person_id=person.pk)
    for key in set(
        old_quotes.exclude(natural_key="").values_list("natural_key", flat=True)
    ):
        old_quotes.filter(natural_key=key).update(natural_key=erased_quote_key(key))
    Quote.history.filter(person_id=person.pk).update(person_id=None)
    ContentBlock.objects.filter(person=person).update(person=None)
    ContentBlock.history.filter(person_id=person.pk).update(person_id=None)
    SessionSpeaker.objects.filter(person=person).delete()
    SessionSpeaker.history.filter(person_id=person.pk).delete()
    EventPerson.objects.filter(person=person).delete()
    EventPerson.history.filter(person_id=person.pk).delete()
    _flag_texts_naming(name, by_user=by_user)

    _delete_photos_on_commit(person)
    person.history.all().delete()
    person.name = ERASED_NAME
    person.slug = _free_erased_slug(person, loader_slug)
    person.title = ""
    person.organization = ""
    person.bio = ""
    person.municipality = None
    person.phone = ""
    person.email = ""
    person.photo = ""
    person.photo_alt = ""
    person.loaded_values = {}
    person.flags = []
    person.erased_at = timezone.now()
    person._history_user = by_user
    person._change_reason = ERASURE_MESSAGE
    person.save()

    _anonymise_admin_log(person, name)
    LogEntry.objects.log_actions(
        user_id=by_user.pk,
        queryset=[person],
        action_flag=CHANGE,
        change_message=ERASURE_MESSAGE,
        single_object=True,
    )
    return person


def _loader_slug(person: Person) -> str:
    """Return the slug the loader finds the person by: that of the name it loaded.

    It differs from ``person.slug`` only when staff changed the slug in the admin.
    """
    loaded_name = (person.loaded_values or {}).get("name") or ""
    return slugify(loaded_name)[:200] or person.slug


def _forget_in_loader_bookkeeping(person: Person, slug: str) -> None:
    """Remove the person's slug (their name) from what the loader remembered."""
    sessions, events = set(), set()
    for model in (SessionSpeaker, ContentBlock):
        for rows in (model.objects, model.history):
            found = rows.filter(person_id=person.pk).values_list(
                "session_id", flat=True
            )
            sessions.update(found)
    for rows in (EventPerson.objects, EventPerson.history):
        found = rows.filter(person_id=person.pk).values_list("event_id", flat=True)
        events.update(found)
    for model, ids in ((Session, sessions), (Event, events)):
        if not ids:
            continue
        for rows in (
            model.objects.filter(pk__in=ids),
            model.history.filter(id__in=ids),
        ):
            for row in rows.only("pk", "loaded_values"):
                forgotten = _without_person(row.loaded_values or {}, slug)
                if forgotten != row.loaded_values:
                    type(row).objects.filter(pk=row.pk).update(loaded_values=forgotten)


def _without_person(loaded: dict, slug: str) -> dict:
    """Return the loader's remembered relations without the person with ``slug``.

    The loader keeps in ``loaded_values`` the relations it wrote, by the slug of each
    person's name: ``__speakers`` and ``__blocks`` on sessions, ``__people`` on events.
    The relations themselves are gone by then (links deleted, blocks unlinked), so the
    loader's next comparison finds nothing edited.
    """
    result = dict(loaded)
    for key in ("__speakers", "__people"):  # [[slug, role], ...]
        if key in result:
            result[key] = [item for item in result[key] if item[0] != slug]
    if "__blocks" in result:  # [[kind, text, items, slug or ""], ...]
        result["__blocks"] = [
            [*block[:3], "" if block[3] == slug else block[3]]
            for block in result["__blocks"]
        ]
    return result


def _free_erased_slug(person: Person, slug: str) -> str:
    """Return the erased key for ``slug``, made unique if it is taken.

    It is taken only when a person with the same slug was erased before (staff created
    the slug again); that earlier record already keeps the loader from using the name.
    """
    key = erased_key(slug)
    if Person.objects.filter(slug=key).exclude(pk=person.pk).exists():
        return f"{key}-{person.pk}"
    return key


def _flag_texts_naming(name: str, *, by_user: AbstractBaseUser) -> None:
    """Put sessions and events whose text contains ``name`` in the review queue."""
    sessions = Session.objects.filter(
        Q(title__contains=name)
        | Q(summary__contains=name)
        | Q(blocks__text__contains=name)
    ).distinct()
    events = Event.objects.filter(
        Q(title__contains=name) | Q(description__contains=name)
    )
    for record in [*sessions, *events]:
        record.review_status = ReviewStatus.NEEDS_REVIEW
        if NAME_IN_TEXT_FLAG not in record.flags:
            record.flags = [*record.flags, NAME_IN_TEXT_FLAG]
        record._history_user = by_user
        record._change_reason = gettext("Flaggad vid borttagning av personuppgifter")
        record.save()


def _delete_photos_on_commit(person: Person) -> None:
    """Delete the current photo and every earlier one the history still points to.

    Files go only once the erasure is committed, so a failed erasure loses nothing.
    """
    names = set(person.history.exclude(photo="").values_list("photo", flat=True))
    if person.photo:
        names.add(person.photo.name)
    storage = person.photo.storage
    for name in names:
        transaction.on_commit(lambda name=name: storage.delete(name))


def _anonymise_admin_log(person: Person, name: str) -> None:
    """Remove the person's name from the admin's log of changes.

    Entries about the person, and entries about sessions whose change message names
    one of their roles ("Kim Exempel (Talare)"), are rewritten to the erased name.
    """
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
    ).update(object_repr=ERASED_NAME, change_message="[]")
    # Change messages are JSON with non-ASCII letters escaped ("\\u00c5sa").
    escaped = json.dumps(name)[1:-1]
    naming = LogEntry.objects.filter(
        Q(object_repr__contains=name)
        | Q(change_message__contains=name)
        | Q(change_message__contains=escaped)
    )
    for entry in naming:
        entry.object_repr = entry.object_repr.replace(name, ERASED_NAME)
        entry.change_message = entry.change_message.replace(name, ERASED_NAME).replace(
            escaped, ERASED_NAME
        )
        entry.save(update_fields=["object_repr", "change_message"])
