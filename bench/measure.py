"""The calls the Odoo 18 web client makes on a document's list, pager,
many2one dropdown and pivot, timed against the same calls on `crm.lead`.

Each call runs in a fresh cursor and environment, as a request would (the
registry's caches stay warm, as in a running server), as a given user with
the companies the web client gives: a branch user's own branch; an HQ user
all of their companies, so that HQ sees every branch on both sides (Odoo's
CRM filters leads by the active companies, our documents by the user's)."""

import statistics
import time

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import api, fields
from odoo.tools.safe_eval import datetime as safe_eval_datetime
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_eval_time

# (label, our window action, Odoo's window action on the same data)
DOCUMENTS = [
    ("customer files", "scm_sales.action_scm_customer"),
    ("EMT proposals", "scm_sales.action_scm_sales_proposal"),
    ("customer visits", "scm_sales.action_scm_customer_visit"),
    ("contracts", "scm_contracts.action_scm_contract"),
    ("customer projects", "scm_projects.action_scm_project"),
    ("service requests", "scm_service.action_scm_service_request"),
    ("training sessions", "scm_training.action_scm_training_session"),
    ("audit findings", "scm_audit.action_scm_audit_finding"),
]
YARDSTICK = "crm.crm_lead_opportunities"
USERS = ["wh.consultant", "wh.manager", "msd.manager"]
CALLS = ["list", "count", "name search", "pivot"]
NAME_SEARCH_TERM = "123"
PAGE = 80


class Action:
    """What the web client reads once when it opens an action: the model,
    the domain, the list's fields specification and the pivot's groupings."""

    def __init__(self, env, xmlid):
        action = env.ref(xmlid).sudo()
        self.xmlid = xmlid
        self.model = action.res_model
        self.domain_text = action.domain
        self.context = _eval(env, action.context) or {}
        views = {mode: vid for vid, mode in action.views}
        result = env[self.model].get_views(
            [(views.get("list"), "list"), (views.get("pivot"), "pivot")]
        )
        list_arch = result["views"]["list"]["arch"]
        self.specification = _specification(env[self.model], list_arch)
        self.rows, self.cols, self.measures = _pivot(result["views"]["pivot"]["arch"])
        # The client asks the list's page in the list's own order when it
        # has one, the model's otherwise.
        self.order = etree.fromstring(list_arch).get("default_order") or None


def _eval(env, text):
    """An action's domain or context as the web client evaluates it."""
    if not text:
        return []
    today = fields.Date.context_today(env["res.users"])
    return safe_eval(
        text,
        {
            "uid": env.uid,
            "user": env.user,
            "context_today": lambda: today,
            "current_date": today.isoformat(),
            "datetime": safe_eval_datetime,
            "relativedelta": relativedelta,
            "time": safe_eval_time,
        },
    )


def _specification(model, arch):
    """The fields the list view loads: every field node of the list (the
    client loads invisible and optional ones too), many2one and x2many with
    their display name."""
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        name = node.get("name")
        field = model._fields.get(name)
        if field is None or node.getparent().tag not in ("list", "tree"):
            continue
        if field.type in ("many2one", "one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def _pivot(arch):
    rows, cols, measures = [], [], []
    for node in etree.fromstring(arch).iter("field"):
        kind = node.get("type")
        name = node.get("name")
        if node.get("interval"):
            name = f"{name}:{node.get('interval')}"
        if kind == "row":
            rows.append(name)
        elif kind == "col":
            cols.append(name)
        elif kind == "measure" and not node.get("invisible"):
            measures.append(f"{node.get('name')}:sum")
    return rows[:1], cols[:1], measures or ["__count"]


def user_env(registry, cr, login, context):
    env = api.Environment(cr, api.SUPERUSER_ID, {})
    user = env["res.users"].search([("login", "=", login)])
    companies = (
        user.company_ids
        if user.has_group("scm_base.group_hq_staff")
        else user.company_id
    )
    return api.Environment(
        cr,
        user.id,
        dict(
            context,
            lang="zh_CN",
            tz="Asia/Shanghai",
            allowed_company_ids=[user.company_id.id]
            + (companies - user.company_id).ids,
        ),
    )


def run_call(env, action, call):
    """One call of the web client; returns its result size (to check that
    both sides really return rows)."""
    model = env[action.model]
    domain = _eval(env, action.domain_text)
    if call == "list":
        result = model.web_search_read(
            domain,
            action.specification,
            offset=0,
            limit=PAGE,
            order=action.order,
            count_limit=10001,
        )
        return len(result["records"])
    if call == "count":
        return model.search_count(domain)
    if call == "name search":
        return len(model.name_search(NAME_SEARCH_TERM, domain, "ilike", limit=8))
    if call == "pivot":
        groups = 0
        for groupby in ([], action.rows, action.cols, action.rows + action.cols):
            groups += len(
                model.read_group(domain, action.measures, groupby, lazy=False)
            )
        return groups
    raise ValueError(call)


def timed(registry, login, action, call):
    """(milliseconds, queries, result size) of one call in its own cursor."""
    with registry.cursor() as cr:
        env = user_env(registry, cr, login, action.context)
        env[action.model].browse()  # the model's registry lookups are warm
        before = cr.sql_log_count
        start = time.perf_counter()
        size = run_call(env, action, call)
        elapsed = (time.perf_counter() - start) * 1000
        queries = cr.sql_log_count - before
        cr.rollback()
    return elapsed, queries, size


def measure(registry, repeat=7):
    """Medians per (document, user, call) for ours and the yardstick,
    interleaved so that both see the same noise."""
    with registry.cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        actions = [(label, Action(env, xmlid)) for label, xmlid in DOCUMENTS]
        yardstick = Action(env, YARDSTICK)
    rows = []
    for label, action in actions:
        for login in USERS:
            for call in CALLS:
                ours, theirs = [], []
                for index in range(repeat + 1):
                    pair = [(ours, action), (theirs, yardstick)]
                    if index % 2:
                        pair.reverse()
                    for sink, act in pair:
                        sink.append(timed(registry, login, act, call))
                # the first round warms the server's caches: not counted
                ours, theirs = ours[1:], theirs[1:]
                rows.append(
                    {
                        "document": label,
                        "user": login,
                        "call": call,
                        "ms": statistics.median(t for t, _q, _s in ours),
                        "crm_ms": statistics.median(t for t, _q, _s in theirs),
                        "queries": max(q for _t, q, _s in ours),
                        "crm_queries": max(q for _t, q, _s in theirs),
                        "rows": ours[-1][2],
                        "crm_rows": theirs[-1][2],
                    }
                )
    return rows
