#!/usr/bin/env python3
"""Wire conformance of the sandbox with the official Python client (waldur-api-client).

Lists (paging, filters, ordering, field trimming), retrieves, approves and rejects against a running
sandbox using only the client's own API functions and models, and parses every order it is sent with
`OrderDetails` (through each function's `.parsed`). Any parse failure is a failure, reported with the
order's uuid and the exception.

Usage: conformance.py --url URL --user ROLE USERNAME TOKEN ... (roles staff, consumer, provider, member, as the
sandbox prints them), or from the environment: SANDBOX_URL and SANDBOX_<ROLE>_USERNAME / SANDBOX_<ROLE>_TOKEN.
The tokens are never printed. Prints `conformance: N passed, M failed` and exits 1 on any failure.
"""

import argparse
import datetime
import decimal
import functools
import importlib
import os
import sys
import traceback
import typing
from uuid import UUID

import httpx

from waldur_api_client import AuthenticatedClient, models
from waldur_api_client.api.marketplace_orders import (
    marketplace_orders_approve_by_consumer as approve_by_consumer,
    marketplace_orders_approve_by_provider as approve_by_provider,
    marketplace_orders_count as orders_count,
    marketplace_orders_list as orders_list,
    marketplace_orders_offering_retrieve as offering_retrieve,
    marketplace_orders_reject_by_consumer as reject_by_consumer,
    marketplace_orders_reject_by_provider as reject_by_provider,
    marketplace_orders_retrieve as orders_retrieve,
)
from waldur_api_client.errors import UnexpectedStatus
from waldur_api_client.models.order_approve_by_provider_request import OrderApproveByProviderRequest
from waldur_api_client.models.order_details import OrderDetails
from waldur_api_client.models.order_details_field_enum import OrderDetailsFieldEnum
from waldur_api_client.models.order_details_o_enum import OrderDetailsOEnum
from waldur_api_client.models.order_error_details_request import OrderErrorDetailsRequest
from waldur_api_client.models.order_info_response import OrderInfoResponse
from waldur_api_client.models.order_provider_rejection_request import OrderProviderRejectionRequest
from waldur_api_client.models.order_state import OrderState
from waldur_api_client.models.public_offering_details import PublicOfferingDetails
from waldur_api_client.models.request_types import RequestTypes
from waldur_api_client.types import UNSET


USERNAMES = {}

# Waldur's Order.States integer codes (the column `o=state` sorts by).
WALDUR_STATE_CODES = {
    OrderState.PENDING_CONSUMER: 1, OrderState.EXECUTING: 2, OrderState.DONE: 3, OrderState.ERRED: 4,
    OrderState.CANCELED: 5, OrderState.REJECTED: 6, OrderState.PENDING_PROVIDER: 7, OrderState.PENDING_PROJECT: 8,
    OrderState.PENDING_START_DATE: 9,
}


def printable(text):
    """Control characters (terminal escapes in hostile data) shown escaped, never sent to the terminal."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class Run:
    """Counts checks; a failure prints its name and detail at once."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.parsed = {}

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(printable(f"FAIL {name}: {detail}"), flush=True)
        return ok


class Session:
    """One user's official client, remembering the last response so parse failures can name the order."""

    def __init__(self, run, base_url, token, role):
        self.run = run
        self.role = role
        self.last = None
        self.client = AuthenticatedClient(
            base_url=base_url,
            token=token,
            timeout=httpx.Timeout(30.0),
            httpx_args={"event_hooks": {"response": [self._remember]}},
        )

    def _remember(self, response):
        response.read()
        self.last = response

    def call(self, name, function, *args, **kwargs):
        """`function.sync_detailed(...)`; a parse failure of the body is reported per order and answers None."""
        self.last = None
        try:
            return function.sync_detailed(*args, client=self.client, **kwargs)
        except UnexpectedStatus:
            raise
        except Exception as error:  # the client's own parsing failed on what the sandbox sent
            self.report_parse_failure(name, error)
            return None

    def report_parse_failure(self, name, error):
        body = None
        try:
            body = self.last.json() if self.last is not None else None
        except Exception:
            pass
        items = body if isinstance(body, list) else [body]
        named = False
        for item in items:
            if not isinstance(item, dict):
                continue
            try:
                OrderDetails.from_dict(item)
            except Exception as item_error:
                named = True
                self.run.check(f"{name}: parse order {item.get('uuid')}", False, f"{type(item_error).__name__}: {item_error}")
        if not named:
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            self.run.check(f"{name}: parse response", False, detail)


# What a recorded real Waldur (../shared/fixtures/waldur-2024-10/) sends where the 8.1.3 models' annotations say
# otherwise; the models parse it anyway (they cast), and the real server wins, so the sandbox sends it too:
# - null for these string fields (an offering without images, a category without icon, a Terminate order's plan,
#   an offering without scope);
# - JSON numbers for these money fields, which the models annotate as strings;
# - keys the models do not know (kept in `additional_properties`).
REAL_SERVER_NULLS = {"category_icon", "offering_image", "offering_thumbnail", "plan", "scope"}
REAL_SERVER_NUMBERS = {"old_cost_estimate", "new_cost_estimate", "fixed_price", "activation_price"}
REAL_SERVER_EXTRA_KEYS = {
    OrderDetails: {"offering_terms_of_service"},
    PublicOfferingDetails: {"native_description", "native_name", "rating", "roles", "terms_of_service", "terms_of_service_link"},
}


def _matches(value, annotation):
    origin = typing.get_origin(annotation)
    if origin is typing.Union:
        return any(_matches(value, a) for a in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is typing.Any:
        return True
    if origin is list:
        (item,) = typing.get_args(annotation) or (typing.Any,)
        return isinstance(value, list) and all(_matches(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if annotation in (int, float):
        return isinstance(value, (int, float) if annotation is float else int) and not isinstance(value, bool)
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    return True


@functools.lru_cache(maxsize=None)
def _hints(cls):
    module = importlib.import_module(cls.__module__)
    names = dict(vars(models))
    names.update(vars(module))
    return typing.get_type_hints(cls, globalns=names)


def type_mismatches(obj, cls):
    """Attributes of a parsed model whose value is not of the annotated type (the models cast without checking)."""
    problems = []
    for name, annotation in _hints(cls).items():
        if name == "additional_properties":
            continue
        value = getattr(obj, name)
        if _matches(value, annotation):
            continue
        if value is None and name in REAL_SERVER_NULLS:
            continue
        if name in REAL_SERVER_NUMBERS and isinstance(value, (int, float)) and not isinstance(value, bool):
            continue
        problems.append(f"{name}={value!r} is not {annotation}")
    extra = set(obj.additional_properties) - REAL_SERVER_EXTRA_KEYS.get(cls, set())
    if extra:
        problems.append(f"unknown keys {sorted(extra)}")
    return problems


def hexid(value):
    """A uuid (UUID or wire text) as 32 lowercase hex digits."""
    return value.hex if isinstance(value, UUID) else str(value).replace("-", "").lower()


def result_count(response):
    try:
        return int(response.headers.get("X-Result-Count", ""))
    except ValueError:
        return None


def parse_all(run, name, response):
    """Every order of a list response, parsed by the client; also re-serialised with its own to_dict."""
    if response is None:
        return None
    if not run.check(f"{name}: status", response.status_code == 200, f"HTTP {int(response.status_code)}"):
        return None
    orders = response.parsed
    for order in orders:
        check_model(run, name, order, OrderDetails)
    return orders


def check_model(run, name, obj, cls):
    """A parsed model: every value of its annotated type, and it serialises back with its own to_dict."""
    run.parsed[cls.__name__] = run.parsed.get(cls.__name__, 0) + 1
    label = f"{name}: {cls.__name__} {hexid(obj.uuid) if obj.uuid is not UNSET else '?'}"
    run.check(f"{label} types", not (problems := type_mismatches(obj, cls)), "; ".join(problems))
    try:
        cls.from_dict(obj.to_dict())
    except Exception as error:
        run.check(f"{label} round trip", False, f"{type(error).__name__}: {error}")


def list_orders(run, session, name, **filters):
    try:
        response = session.call(name, orders_list, **filters)
    except UnexpectedStatus as error:
        run.check(f"{name}: status", False, f"HTTP {error.status_code}: {error.content[:200]!r}")
        return None, None
    return parse_all(run, name, response), response


def fetch_all_pages(run, session, name, page_size, **filters):
    """Pages 1.. with the function's own paging arguments until the Link header has no next."""
    collected, pages, total = [], 0, None
    page = 1
    while True:
        orders, response = list_orders(run, session, f"{name} page {page}", page=page, page_size=page_size, **filters)
        if orders is None:
            return None, pages, total
        pages += 1
        total = result_count(response)
        collected.extend(orders)
        links = response.headers.get("Link", "")
        if 'rel="next"' not in links:
            break
        run.check(f"{name} page {page}: full page", len(orders) == page_size, f"{len(orders)} orders")
        page += 1
        if page > 10_000:
            run.check(f"{name}: paging ends", False, "more than 10000 pages")
            break
    return collected, pages, total


def retrieve(run, session, name, uuid):
    try:
        response = session.call(name, orders_retrieve, uuid=UUID(hexid(uuid)))
    except UnexpectedStatus as error:
        run.check(f"{name}: status", False, f"HTTP {error.status_code}")
        return None
    if response is None:
        return None
    if not run.check(f"{name}: status", response.status_code == 200, f"HTTP {int(response.status_code)}"):
        return None
    order = response.parsed
    check_model(run, name, order, OrderDetails)
    run.check(f"{name}: same uuid", hexid(order.uuid) == hexid(uuid), f"{order.uuid} != {uuid}")
    return order


def review_action(run, session, name, function, target, expected_states, reviewed_by, reviewer, parsed_type=None, **kwargs):
    """Runs one review action on `target` (answered 200), retrieves the order again and checks its new state and
    reviewer (`reviewed_by` names the field). Answers the order as retrieved afterwards, or None."""
    try:
        response = session.call(name, function, uuid=target.uuid, **kwargs)
        if response is not None and run.check(f"{name}: 200", response.status_code == 200,
                                              f"{int(response.status_code)}: {response.content[:200]!r}") and parsed_type is not None:
            run.check(f"{name}: {parsed_type.__name__}", isinstance(response.parsed, parsed_type), f"{response.parsed!r}")
    except UnexpectedStatus as error:
        run.check(f"{name}: 200", False, f"HTTP {error.status_code}: {error.content[:200]!r}")
    after = retrieve(run, session, f"{name}: retrieve", target.uuid)
    if after is not None:
        run.check(f"{name}: new state", after.state in expected_states, f"{after.state} ({target.offering_type})")
        run.check(f"{name}: reviewer recorded", getattr(after, reviewed_by) == reviewer, f"{getattr(after, reviewed_by)!r}")
    return after


def expect_status(run, name, status, action):
    """Runs `action` (an official function call) and checks the refused status, raised or answered."""
    try:
        response = action()
        got, content = int(response.status_code), response.content
    except UnexpectedStatus as error:
        got, content = error.status_code, error.content
    run.check(name, got == status, f"HTTP {got} (want {status}): {content[:200]!r}")
    return content


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("SANDBOX_URL"))
    parser.add_argument("--user", nargs=3, action="append", default=[], metavar=("ROLE", "USERNAME", "TOKEN"))
    args = parser.parse_args()
    roles = ("staff", "consumer", "provider", "member")
    users = {role: (os.environ.get(f"SANDBOX_{role.upper()}_USERNAME"), os.environ.get(f"SANDBOX_{role.upper()}_TOKEN"))
             for role in roles}
    users.update({role: (username, token) for role, username, token in args.user})
    if not args.url or not all(users.get(role, (None, None))[1] for role in roles):
        parser.error("the sandbox URL and the tokens of staff, consumer, provider and member are required")
    USERNAMES.update({role: users[role][0] or role for role in roles})
    # The sandbox prints its API root (…/api/); the client's paths start with /api/.
    base_url = args.url.rstrip("/")
    if base_url.endswith("/api"):
        base_url = base_url[: -len("/api")]

    run = Run()
    staff, consumer, provider, member = (Session(run, base_url, users[role][1], role) for role in roles)

    # --- Paging: the whole list in small pages, over 3+ pages, against X-Result-Count.
    everything, pages, total = fetch_all_pages(run, staff, "paging", 25)
    if everything is None:
        print(f"conformance: {run.passed} passed, {run.failed + 1} failed (the list could not be read)")
        return 1
    run.check("paging: 3+ pages", pages >= 3, f"{pages} pages")
    run.check("paging: X-Result-Count = orders collected", total == len(everything), f"{total} vs {len(everything)}")
    uuids = [hexid(o.uuid) for o in everything]
    run.check("paging: no duplicates", len(set(uuids)) == len(uuids), f"{len(uuids) - len(set(uuids))} duplicates")
    by_uuid = {hexid(o.uuid): o for o in everything}
    # Without `o`, the recorded real server lists in creation order (oldest first).
    created = [o.created for o in everything]
    run.check("paging: default order is created ascending", created == sorted(created), "")
    # The client's own all-pages helper (follows Link rel="next" with page_size 100) gives the same set.
    try:
        helper = orders_list.sync_all(client=staff.client)
        run.check("sync_all: same orders", {hexid(o.uuid) for o in helper} == set(uuids), f"{len(helper)} vs {len(uuids)}")
    except Exception as error:
        staff.report_parse_failure("sync_all", error)
    # A page past the end is 404 {"detail": "Invalid page."}.
    expect_status(run, "paging: page past the end is 404", 404,
                  lambda: orders_list.sync_detailed(client=staff.client, page=pages + 1, page_size=25))

    # count: HEAD with the list's filters, answered by X-Result-Count (not in the 2024 reference; newer clients use
    # it). The same connection is then used again, so a HEAD answer that carried a body would show up here.
    for label, filters, want in (("all", {}, len(everything)),
                                 ("erred+executing", {"state": [OrderState.ERRED, OrderState.EXECUTING]},
                                  sum(1 for o in everything if o.state in (OrderState.ERRED, OrderState.EXECUTING)))):
        try:
            response = orders_count.sync_detailed(client=staff.client, **filters)
            run.check(f"count {label}", response.parsed == want, f"{response.parsed} vs {want}")
        except UnexpectedStatus as error:
            run.check(f"count {label}", False, f"HTTP {error.status_code}: {error.content[:200]!r}")
        orders, _ = list_orders(run, staff, f"list after count {label}", page_size=5)
        run.check(f"list after count {label}: intact", orders is not None and len(orders) == 5, "")

    # --- Retrieve one order of each state; the seeded data covers all nine.
    seen_states = {o.state for o in everything if o.state is not UNSET}
    for state in OrderState:
        sample = next((o for o in everything if o.state == state), None)
        if not run.check(f"retrieve {state.value}: present", sample is not None, "no seeded order in this state"):
            continue
        got = retrieve(run, staff, f"retrieve {state.value}", sample.uuid)
        if got is not None:
            run.check(f"retrieve {state.value}: state", got.state == state, f"{got.state}")
            run.check(f"retrieve {state.value}: created is a datetime", got.created is not UNSET and got.created.tzinfo is not None, f"{got.created!r}")
    run.check("types: Create, Update, Terminate present",
              {RequestTypes.CREATE, RequestTypes.UPDATE, RequestTypes.TERMINATE} <= {o.type_ for o in everything}, "")
    run.check("states: all nine present", len(seen_states) == len(OrderState), f"{sorted(s.value for s in seen_states)}")

    # --- Filters.
    states = [OrderState.ERRED, OrderState.EXECUTING]
    orders, response = list_orders(run, staff, "filter state (repeated)", state=states, page_size=300)
    if orders is not None:
        query = str(response_url(staff))
        run.check("filter state: sent as repeated keys", "state=erred&state=executing" in query, query)
        want = {u for u, o in by_uuid.items() if o.state in states}
        run.check("filter state: exactly the erred and executing orders", {hexid(o.uuid) for o in orders} == want,
                  f"{len(orders)} vs {len(want)}")
        run.check("filter state: X-Result-Count", result_count(response) == len(want), f"{result_count(response)}")
        run.check("filter state: both states present", {o.state for o in orders} == set(states), "")

    orders, response = list_orders(run, staff, "filter type", type_=[RequestTypes.UPDATE], page_size=300)
    if orders is not None:
        want = {u for u, o in by_uuid.items() if o.type_ == RequestTypes.UPDATE}
        run.check("filter type: exactly the Update orders", {hexid(o.uuid) for o in orders} == want and want, f"{len(orders)} vs {len(want)}")

    for key in ("project_uuid", "customer_uuid"):
        values = [getattr(o, key) for o in everything if getattr(o, key) is not UNSET]
        if not run.check(f"filter {key}: orders carry it", bool(values), ""):
            continue
        value = max(set(values), key=values.count)
        orders, response = list_orders(run, staff, f"filter {key}", page_size=300, **{key: value})
        if orders is not None:
            want = {u for u, o in by_uuid.items() if getattr(o, key) == value}
            run.check(f"filter {key}: exactly its orders", {hexid(o.uuid) for o in orders} == want, f"{len(orders)} vs {len(want)}")

    for key, attr in (("provider_uuid", "provider_uuid"), ("offering_uuid", "offering_uuid"), ("category_uuid", "category_uuid")):
        values = [getattr(o, attr) for o in everything if getattr(o, attr) is not UNSET]
        if not run.check(f"filter {key}: orders carry it", bool(values), ""):
            continue
        value = min(set(values), key=values.count)
        orders, _ = list_orders(run, staff, f"filter {key}", page_size=300, **{key: value})
        if orders is not None:
            want = {u for u, o in by_uuid.items() if getattr(o, attr) == value}
            run.check(f"filter {key}: exactly its orders", {hexid(o.uuid) for o in orders} == want, f"{len(orders)} vs {len(want)}")

    offering_types = sorted({o.offering_type for o in everything if isinstance(o.offering_type, str)})
    picked = offering_types[:2]
    orders, _ = list_orders(run, staff, "filter offering_type (repeated)", offering_type=picked, page_size=300)
    if orders is not None:
        want = {u for u, o in by_uuid.items() if o.offering_type in picked}
        run.check("filter offering_type: exactly those types", {hexid(o.uuid) for o in orders} == want, f"{len(orders)} vs {len(want)}")

    sample = everything[len(everything) // 2]
    orders, _ = list_orders(run, staff, "filter query (uuid)", query=str(UUID(hexid(sample.uuid))))
    if orders is not None:
        run.check("filter query: a uuid finds exactly its order", [hexid(o.uuid) for o in orders] == [hexid(sample.uuid)], f"{len(orders)}")
    if isinstance(sample.project_name, str) and sample.project_name:
        orders, _ = list_orders(run, staff, "filter query (project name)", query=sample.project_name.upper(), page_size=300)
        if orders is not None:
            run.check("filter query: project name, case-insensitive", hexid(sample.uuid) in {hexid(o.uuid) for o in orders}
                      and all(sample.project_name.lower() in f"{o.project_name} {o.resource_name}".lower() for o in orders), "")

    # created / modified take the client's datetime.isoformat() (microseconds, +00:00) and mean "at or after".
    created_sorted = sorted(o.created for o in everything)
    middle = created_sorted[len(created_sorted) // 2]
    orders, response = list_orders(run, staff, "filter created", created=middle, page_size=300)
    if orders is not None:
        want = {u for u, o in by_uuid.items() if o.created >= middle}
        run.check("filter created: the orders created at or after", {hexid(o.uuid) for o in orders} == want,
                  f"{len(orders)} vs {len(want)} ({response_url(staff)})")

    consumer_can, _ = list_orders(run, consumer, "can_approve_as_consumer", can_approve_as_consumer=True, page_size=300)
    provider_can, _ = list_orders(run, provider, "can_approve_as_provider", can_approve_as_provider=True, page_size=300)
    if consumer_can is not None:
        run.check("can_approve_as_consumer: some", len(consumer_can) >= 2, f"{len(consumer_can)}")
        run.check("can_approve_as_consumer: all pending-consumer", all(o.state == OrderState.PENDING_CONSUMER for o in consumer_can), "")
    if provider_can is not None:
        run.check("can_approve_as_provider: some", len(provider_can) >= 2, f"{len(provider_can)}")
        run.check("can_approve_as_provider: all pending-provider", all(o.state == OrderState.PENDING_PROVIDER for o in provider_can), "")
    member_can, _ = list_orders(run, member, "member can_approve_as_consumer", can_approve_as_consumer=True)
    if member_can is not None:
        run.check("member can_approve_as_consumer: none", member_can == [], f"{len(member_can)}")

    # Waldur orders as PostgreSQL does: NULL above every value (last ascending, first descending), and `state`
    # by the model's integer codes, not by name.
    def nulls_high(text):
        return (1, decimal.Decimal(0)) if text in (None, UNSET) else (0, decimal.Decimal(text))

    for key, value in (("created", lambda o: o.created), ("cost", lambda o: nulls_high(o.cost)),
                       ("state", lambda o: WALDUR_STATE_CODES[o.state])):
        for descending in (False, True):
            enum = OrderDetailsOEnum(("-" if descending else "") + key)
            orders, _ = list_orders(run, staff, f"o={enum.value}", o=[enum], page_size=100)
            if orders is None:
                continue
            keys = [value(o) for o in orders]
            run.check(f"o={enum.value}: ordered", keys == sorted(keys, reverse=descending), f"{keys[:5]}…")

    trimmed = [OrderDetailsFieldEnum.UUID, OrderDetailsFieldEnum.STATE, OrderDetailsFieldEnum.COST, OrderDetailsFieldEnum.CREATED]
    orders, response = list_orders(run, staff, "field", field=trimmed, page_size=50)
    if orders is not None:
        raw = response_json(staff)
        allowed = {f.value for f in trimmed}
        run.check("field: only the named keys", all(set(item) <= allowed for item in raw), f"{[sorted(i) for i in raw[:1]]}")
        run.check("field: values kept", all(o.state is not UNSET and o.uuid is not UNSET for o in orders), "")
        run.check("field: other keys left out", all(o.project_name is UNSET and o.offering_uuid is UNSET for o in orders), "")

    # --- Actions, each checked by retrieving again.
    # Polling: `modified` at or after the newest change so far sees exactly the orders acted on below.
    since = max(o.modified for o in everything) + datetime.timedelta(microseconds=1)
    acted = set()
    if consumer_can and len(consumer_can) >= 2:
        target = consumer_can[0]
        acted.add(hexid(target.uuid))
        # Provider review is skipped for offering types that need none (the real server's table).
        allowed_states = {OrderState.PENDING_PROVIDER, OrderState.EXECUTING, OrderState.PENDING_PROJECT}
        if target.offering_type in ("Marketplace.Basic", "Marketplace.Slurm"):
            allowed_states = {OrderState.PENDING_PROVIDER, OrderState.PENDING_PROJECT}
        after = review_action(run, consumer, "approve_by_consumer", approve_by_consumer, target, allowed_states,
                              "consumer_reviewed_by", consumer_username(consumer), parsed_type=OrderInfoResponse)
        if after is not None:
            run.check("approve_by_consumer: review time", after.consumer_reviewed_at not in (UNSET, None), f"{after.consumer_reviewed_at!r}")
        # Approving twice is refused by state: 409 with the valid states.
        content = expect_status(run, "approve_by_consumer twice: 409", 409,
                                lambda: approve_by_consumer.sync_detailed(uuid=target.uuid, client=consumer.client))
        run.check("409 names the valid states", b"Valid states for operation" in content, f"{content[:200]!r}")

        target = consumer_can[1]
        acted.add(hexid(target.uuid))
        review_action(run, consumer, "reject_by_consumer", reject_by_consumer, target, {OrderState.REJECTED},
                      "consumer_reviewed_by", consumer_username(consumer),
                      body=OrderErrorDetailsRequest(consumer_rejection_comment="not this quarter"))

    if provider_can and len(provider_can) >= 2:
        target = provider_can[0]
        acted.add(hexid(target.uuid))
        after = review_action(run, provider, "approve_by_provider", approve_by_provider, target, {OrderState.EXECUTING},
                              "provider_reviewed_by", provider_username(provider), parsed_type=OrderInfoResponse,
                              body=OrderApproveByProviderRequest())
        if after is not None:
            run.check("approve_by_provider: review time", after.provider_reviewed_at not in (UNSET, None), "")

        target = provider_can[1]
        acted.add(hexid(target.uuid))
        review_action(run, provider, "reject_by_provider", reject_by_provider, target, {OrderState.REJECTED},
                      "provider_reviewed_by", provider_username(provider),
                      body=OrderProviderRejectionRequest(provider_rejection_comment="capacity exhausted"))
        # The function documents 409 as an answer (parsed as None): rejecting a rejected order again.
        response = reject_by_provider.sync_detailed(uuid=target.uuid, client=provider.client, body=OrderProviderRejectionRequest())
        run.check("reject_by_provider twice: 409", response.status_code == 409, f"{int(response.status_code)}")
        run.check("reject_by_provider twice: still rejected",
                  (retrieve(run, provider, "reject twice: retrieve", target.uuid) or target).state == OrderState.REJECTED, "")

    orders, _ = list_orders(run, staff, "filter modified (polling)", modified=since, page_size=300)
    if orders is not None:
        run.check("filter modified: exactly the orders acted on", {hexid(o.uuid) for o in orders} == acted and len(acted) == 4,
                  f"{sorted(hexid(o.uuid) for o in orders)} vs {sorted(acted)}")
        run.check("filter modified: modified moved forward", all(o.modified >= since for o in orders), "")

    # A member sees orders of their projects but may approve nothing: 403 with detail, state unchanged.
    member_pending, _ = list_orders(run, member, "member pending-consumer", state=[OrderState.PENDING_CONSUMER], page_size=50)
    if member_pending is not None and run.check("member sees pending-consumer orders", bool(member_pending), ""):
        target = member_pending[0]
        content = expect_status(run, "member approve_by_consumer: 403", 403,
                                lambda: approve_by_consumer.sync_detailed(uuid=target.uuid, client=member.client))
        run.check("403 carries detail", b'"detail"' in content, f"{content[:200]!r}")
        after = retrieve(run, member, "member 403: retrieve", target.uuid)
        if after is not None:
            run.check("member 403: state unchanged", after.state == OrderState.PENDING_CONSUMER, f"{after.state}")
    # An order the member cannot see is 404, not 403.
    member_all, _, _ = fetch_all_pages(run, member, "member list", 300)
    if member_all is not None:
        hidden = next((u for u in uuids if u not in {hexid(o.uuid) for o in member_all}), None)
        if run.check("member: some orders hidden", hidden is not None, ""):
            expect_status(run, "member retrieve hidden: 404", 404,
                          lambda: orders_retrieve.sync_detailed(uuid=UUID(hidden), client=member.client))

    # --- The offering endpoint, for one order of each offering type.
    for offering_type in sorted({o.offering_type for o in everything if isinstance(o.offering_type, str)}):
        order = next(o for o in everything if o.offering_type == offering_type)
        try:
            response = staff.call(f"offering {offering_type}", offering_retrieve, uuid=order.uuid)
        except UnexpectedStatus as error:
            run.check(f"offering {offering_type}: 200", False, f"HTTP {error.status_code}")
            continue
        if response is None or not run.check(f"offering {offering_type}: 200", response.status_code == 200, f"{int(response.status_code)}"):
            continue
        offering = response.parsed
        if not run.check(f"offering {offering_type}: PublicOfferingDetails", isinstance(offering, PublicOfferingDetails), ""):
            continue
        check_model(run, f"offering {offering_type}", offering, PublicOfferingDetails)
        run.check(f"offering {offering_type}: uuid", hexid(offering.uuid) == hexid(order.offering_uuid), f"{offering.uuid}")
        run.check(f"offering {offering_type}: type", offering.type_ == offering_type, f"{offering.type_}")

    print("parsed with the client's models: " + ", ".join(f"{n} {name}" for name, n in sorted(run.parsed.items())))
    print(f"conformance: {run.passed} passed, {run.failed} failed")
    return 0 if run.failed == 0 else 1


def response_url(session):
    return session.last.request.url if session.last is not None else ""


def response_json(session):
    try:
        body = session.last.json()
        return body if isinstance(body, list) else []
    except Exception:
        return []


def consumer_username(session):
    return USERNAMES["consumer"]


def provider_username(session):
    return USERNAMES["provider"]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # a step this script did not expect: reported as a failure, never a pass
        traceback.print_exc()
        print(printable(f"FAIL unexpected {type(error).__name__}: {error}"))
        print("conformance: aborted, 1 failed")
        sys.exit(1)
