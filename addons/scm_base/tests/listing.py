"""What the web client asks when it opens a window action's list view, for
the query-count tests of every addon.

Odoo 18's web client loads the action (`/web/action/load`), its views
(`get_views`) and then the rows with one `web_search_read` whose
`specification` names every `<field>` node of the list arch, invisible and
`column_invisible` ones included (the server adds those that decoration,
invisible and readonly expressions use), plus the fields the widgets depend
on. The tests replay that call as a demo user with the company selection the
web client gives after login (the user's own company active) and count its
queries for a few rows and for many: a list that costs a query per row shows
as a count that grows with the rows (not timed, so it holds in CI).

The reference is Odoo 18's web client: `relational_model/utils.js`
(`extractFieldsFromArchInfo`, `getFieldsSpec`), `views/list/list_arch_parser.js`,
`views/fields/field.js` (`parseFieldNode`), `search/search_model.js` (search
defaults) and `webclient/actions/action_service.js` (`_preprocessAction`)."""

import ast
import logging
import threading
import traceback
from collections import Counter
from contextlib import contextmanager
from unittest.mock import patch

from lxml import etree

from odoo import fields
from odoo.osv import expression
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

from .attacks import client_env

_logger = logging.getLogger(__name__)

# relational_model.js: DEFAULT_LIMIT, and count_limit = DEFAULT_COUNT_LIMIT + 1.
DEFAULT_LIMIT = 80
COUNT_LIMIT = 10001

X2MANY = ("one2many", "many2many")

# The fields an x2many widget reads of each related record (its
# `relatedFields`); x2many fields without one of these widgets are read as
# bare ids ("n records" in a list).
TAG_WIDGET_PREFIXES = ("many2many_tags", "many2many_avatar")
X2MANY_RELATED_FIELDS = {
    "many2many_binary": ("name", "mimetype"),
    "x2many_buttons": ("display_name",),
}
X2MANY_PLAIN_WIDGETS = {
    None,
    "one2many",
    "many2many",
    "list_activity",
    "kanban_activity",
    "many2many_checkboxes",
}

# The fields a widget adds to the list's fields (its `fieldDependencies`).
LIST_ACTIVITY_FIELDS = (
    ("activity_exception_decoration", "selection"),
    ("activity_exception_icon", "char"),
    ("activity_state", "selection"),
    ("activity_summary", "char"),
    ("activity_type_icon", "char"),
    ("activity_type_id", "many2one"),
)
WIDGET_DEPENDENCIES = {
    "list_activity": LIST_ACTIVITY_FIELDS,
    "activity_exception": (("activity_exception_icon", "char"),),
    "image": (("write_date", "datetime"),),
    "image_url": (),
    "signature": (("write_date", "datetime"),),
    "statusbar_duration": (("duration_tracking", "json"),),
}


# -- the action -----------------------------------------------------------------
def user_client_env(env, user):
    """The environment of `user`'s web client right after login: their
    language and time zone, their own company active, nothing forged."""
    user_context = {**env(user=user)["res.users"].context_get(), "uid": user.id}
    return client_env(env, user, forged=False, **user_context)


def _eval_context(env):
    """What the web client evaluates domains and contexts with: the user's
    context plus py.js's helpers."""
    today = fields.Date.context_today(env.user)
    return {
        **env.context,
        "uid": env.uid,
        "context_today": lambda: today,
        "current_date": today.strftime("%Y-%m-%d"),
        "datetime": datetime,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "time": time,
    }


def _evaluate(value, eval_context):
    if not isinstance(value, str):
        return value
    return safe_eval(value, eval_context)


def _partial_context(text, eval_context):
    """A field node's context, keeping the keys that evaluate without the
    record's values (evalPartialContext)."""
    tree = ast.parse(text.strip(), mode="eval").body
    if not isinstance(tree, ast.Dict):
        return _evaluate(text, eval_context)
    context = {}
    for key, value in zip(tree.keys, tree.values, strict=True):
        try:
            context[ast.literal_eval(key)] = safe_eval(ast.unparse(value), eval_context)
        except (ValueError, NameError):
            continue
    return context


def _action(env, action_xmlid):
    """The action as /web/action/load returns it and _preprocessAction
    evaluates it."""
    action = env.ref(action_xmlid)
    assert action._name == "ir.actions.act_window", (
        f"{action_xmlid}: not a window action"
    )
    values = action.with_env(env).sudo()._get_action_dict()
    eval_context = _eval_context(env)
    context = {**env.context, **_evaluate(values.get("context") or "{}", eval_context)}
    domain = _evaluate(values.get("domain") or [], {**eval_context, **context})
    return values, context, domain


# -- the list arch ----------------------------------------------------------------
def _or_modifier(first, second):
    """combineModifiers(first, second, "OR") for the constant cases."""
    if "True" in (first, second):
        return "True"
    if not first or first == "False":
        return second
    if not second or second == "False":
        return first
    return f"({first}) or ({second})"


def _and_modifier(first, second):
    """combineModifiers(first, second, "AND") for the constant cases."""
    if not first or first == "False" or not second or second == "False":
        return "False"
    if first == "True":
        return second
    if second == "True":
        return first
    return f"({first}) and ({second})"


def _widget_options(node):
    options = node.get("options")
    return safe_eval(options) if options else {}


def _x2many_related(field_name, widget, node):
    """The fields the widget reads of each related record, None for ids."""
    if widget and widget.startswith(TAG_WIDGET_PREFIXES):
        related = ["display_name"]
        color_field = _widget_options(node).get("color_field")
        if color_field:
            related.append(color_field)
        if widget == "many2many_tags_email":
            related.append("email")
        return related
    if widget in X2MANY_RELATED_FIELDS:
        return list(X2MANY_RELATED_FIELDS[widget])
    if widget in X2MANY_PLAIN_WIDGETS:
        return None
    raise NotImplementedError(
        f"listing: the related fields of widget {widget!r} on {field_name} are "
        "not known here; add them to X2MANY_RELATED_FIELDS"
    )


def _active_fields(arch, model_fields):
    """The list's fields as the web client collects them: name -> info with
    the combined invisible modifier, the widget, its node and context."""
    active = {}

    def add(name, invisible, widget=None, node=None, context=None, field_type=None):
        if name in active:
            info = active[name]
            info["invisible"] = _and_modifier(info["invisible"], invisible)
            info["widget"] = info["widget"] or widget
            info["node"] = info["node"] if info["node"] is not None else node
            return
        active[name] = {
            "invisible": invisible,
            "widget": widget,
            "node": node,
            "context": context,
            "type": model_fields[name]["type"] if name in model_fields else field_type,
        }

    def visit(node):
        for child in node:
            if not isinstance(child.tag, str) or child.tag in ("button", "groupby"):
                continue
            if child.tag == "field":
                name = child.get("name")
                if name not in model_fields:
                    raise AssertionError(f"listing: {name} is not a field of the list")
                if len(child):
                    raise NotImplementedError(
                        f"listing: {name} embeds a sub-view in the list"
                    )
                widget = child.get("widget")
                add(
                    name,
                    _or_modifier(child.get("invisible"), child.get("column_invisible"))
                    or "False",
                    widget,
                    child,
                    child.get("context"),
                )
                for dependency, field_type in WIDGET_DEPENDENCIES.get(widget, ()):
                    add(dependency, "False", field_type=field_type)
                options = _widget_options(child)
                for option in ("start_date_field", "end_date_field"):
                    if options.get(option):
                        add(
                            options[option],
                            "False",
                            field_type=model_fields[name]["type"],
                        )
                continue
            if child.tag == "widget":
                raise NotImplementedError(
                    f"listing: the list has a <widget name={child.get('name')!r}/>"
                )
            visit(child)

    visit(arch)
    return active


def _fields_spec(active, model_fields, eval_context):
    """getFieldsSpec: what web_read reads of each field of the list."""
    specification = {
        name: _field_spec(name, info, model_fields.get(name, {}), eval_context)
        for name, info in active.items()
    }
    for name, info in active.items():
        if info["type"] == "properties":
            definition = specification.get(model_fields[name]["definition_record"])
            if definition is not None:
                definition.setdefault("fields", {})["display_name"] = {}
    return specification


def _field_spec(name, info, field, eval_context):
    """getFieldsSpec for one field."""
    always_invisible = info["invisible"] in ("True", "1")
    spec = {}
    context = info["context"]
    if context and context != "{}":
        context = _partial_context(context, eval_context)
    else:
        context = field.get("context") or {}
    if info["type"] in X2MANY:
        if always_invisible:
            return spec
        related = _x2many_related(name, info["widget"], info["node"])
        spec["fields"] = {related_name: {} for related_name in related or ()}
        if context:
            spec["context"] = context
    elif info["type"] in ("many2one", "reference"):
        spec["fields"] = {}
        if not always_invisible:
            spec["fields"]["display_name"] = {}
            if context:
                spec["context"] = context
    elif info["type"] == "many2one_reference" and not always_invisible:
        spec["fields"] = {"display_name": {}}
    return spec


def _order(arch):
    """The list's default_order as orderByToString sends it ("" if none)."""
    terms = []
    for term in (arch.get("default_order") or "").split(","):
        words = term.split()
        if words:
            direction = words[1].upper() if len(words) > 1 else "ASC"
            terms.append(f"{words[0]} {direction}")
    return ", ".join(terms)


# -- the search view's defaults ------------------------------------------------------
def _search_defaults(search_view, model_fields, context, eval_context):
    """The domain and context of the filters the action's search_default_*
    keys switch on (search_model.js), and the context without those keys."""
    defaults = {}
    context = dict(context)
    for key in list(context):
        if key.startswith("search_default_"):
            value = context.pop(key)
            if value:
                defaults[key[len("search_default_") :]] = value
        elif key.startswith("searchpanel_default_"):
            context.pop(key)
    if any(f.get("is_default") for f in search_view.get("filters", ())):
        raise NotImplementedError("listing: the action has a default favourite filter")
    domains = []
    search_context = {}
    for nodes in _search_groups(etree.fromstring(search_view["arch"])):
        alternatives = []
        for node in nodes:
            value = defaults.get(node.get("name"))
            if not value:
                continue
            if node.tag == "field":
                alternatives.append(_field_default_domain(node, value, model_fields))
                continue
            domain, filter_context = _filter_default(node, eval_context)
            alternatives.append(domain)
            search_context.update(filter_context)
        if alternatives:
            domains.append(expression.OR(alternatives))
    return expression.AND(domains) if domains else [], search_context, context


def _search_groups(arch):
    """The search view's items by group: the filters between two separators
    (ORed when several are on), each field alone (groups are ANDed)."""
    groups = [[]]
    for node in arch.iter("filter", "field", "separator", "group"):
        if node.tag == "filter":
            groups[-1].append(node)
        elif node.tag == "field":
            groups.extend(([node], []))
        else:
            groups.append([])
    return groups


def _filter_default(node, eval_context):
    name = node.get("name")
    if node.get("date"):
        raise NotImplementedError(f"listing: date filter {name} by default")
    filter_context = _evaluate(node.get("context") or "{}", eval_context)
    if "group_by" in filter_context:
        raise NotImplementedError(
            f"listing: filter {name} groups the list (web_read_group)"
        )
    return _evaluate(node.get("domain") or "[]", eval_context), filter_context


def _field_default_domain(node, value, model_fields):
    name = node.get("name")
    if node.get("filter_domain"):
        return safe_eval(node.get("filter_domain"), {"self": value, "raw_value": value})
    text = model_fields[name]["type"] in ("char", "text", "html")
    return [(name, "ilike" if text else "=", value)]


def _and(*domains):
    """Domain.and() as the web client sends it: the empty domains dropped."""
    domains = [list(domain) for domain in domains if domain]
    return expression.AND(domains) if len(domains) > 1 else (domains or [[]])[0]


# -- the calls -----------------------------------------------------------------
def list_specification(env, action_xmlid):
    """What the web client sends to load the first page of the action's list
    view in `env` (see user_client_env): a dict with `model`, `domain`,
    `specification`, `order`, `limit` and the `context` of the call."""
    action, context, domain = _action(env, action_xmlid)
    model = env[action["res_model"]]
    views = [list(view) for view in action["views"]]
    if not any(view_type == "list" for _id, view_type in views):
        raise AssertionError(f"{action_xmlid} has no list view")
    search_view_id = action.get("search_view_id")
    views.append([search_view_id and search_view_id[0], "search"])
    # The view service keeps the language and the *_view_ref keys only.
    view_context = {
        key: value
        for key, value in context.items()
        if key == "lang" or key.endswith("_view_ref")
    }
    loaded = model.with_context(**view_context).get_views(
        views,
        {"action_id": action["id"], "load_filters": True, "toolbar": True},
    )
    model_fields = loaded["models"][model._name]["fields"]
    arch = etree.fromstring(loaded["views"]["list"]["arch"])
    eval_context = {**_eval_context(env), **context}
    search_domain, search_context, context = _search_defaults(
        loaded["views"]["search"], model_fields, context, eval_context
    )
    context.update(search_context)
    specification = _fields_spec(
        _active_fields(arch, model_fields), model_fields, {**eval_context, **context}
    )
    return {
        "model": model._name,
        "domain": _and(domain, search_domain),
        "specification": specification,
        "order": _order(arch),
        "limit": int(arch.get("limit") or DEFAULT_LIMIT),
        "context": {"bin_size": True, **context},
    }


def open_list(env, action_xmlid, limit=None, listing=None):
    """The web client's web_search_read for the first page of the action's
    list in `env`; `listing` is list_specification's answer (computed when
    not given), `limit` the page size (the list's own, else 80)."""
    listing = listing or list_specification(env, action_xmlid)
    model = env[listing["model"]].with_context(**listing["context"])
    return model.web_search_read(
        listing["domain"],
        listing["specification"],
        offset=0,
        limit=limit or listing["limit"],
        order=listing["order"],
        count_limit=COUNT_LIMIT,
    )


# -- counting ------------------------------------------------------------------------
@contextmanager
def recorded_queries(env):
    """Counts the queries of the block as BaseCase.assertQueryCount does
    (flushed before and after, random bus GC off) and records their SQL and
    the Python lines that issued them. Yields a list the block fills with
    (sql, stack) pairs; its length is the count."""
    queries = []
    cr = env.cr
    thread = threading.current_thread()

    def hook(hook_cr, query, _params, _start, _delay):
        if hook_cr is cr:
            queries.append((str(query), _stack()))

    hooks = getattr(thread, "query_hooks", ())
    with patch("random.random", lambda: 1):
        env.flush_all()
        cr.flush()
        count0 = cr.sql_log_count
        thread.query_hooks = (*hooks, hook)
        try:
            yield queries
            env.flush_all()
            cr.flush()
        finally:
            thread.query_hooks = hooks
        # The recorded queries are the counted ones; a mismatch would make
        # the report lie about which queries grow.
        assert cr.sql_log_count - count0 == len(queries), "uncounted queries"


# The ORM's own files: many of their frames sit between a list's field and
# the query it causes; the report keeps the others and the innermost ones.
ORM_FILES = ("odoo/models.py", "odoo/fields.py", "odoo/api.py", "odoo/tools/")


def _stack():
    """Where a query comes from, outermost first: the frames below the web
    client's call, the ORM's internals left out but for the innermost."""
    frames = []
    for frame in traceback.extract_stack()[:-2]:
        filename = frame.filename.replace("\\", "/")
        if frame.name == "web_search_read" and filename.endswith(
            "web/models/models.py"
        ):
            frames = []
            continue
        if filename.endswith(("/odoo/sql_db.py", "/tests/listing.py")):
            continue
        frames.append((filename, frame))
    kept = [
        frame
        for index, (filename, frame) in enumerate(frames)
        if index >= len(frames) - 3 or not any(part in filename for part in ORM_FILES)
    ]
    return tuple(
        f"{_short(frame.filename)}:{frame.lineno} {frame.name}" for frame in kept[-12:]
    )


def _short(filename):
    filename = filename.replace("\\", "/")
    for marker in ("/addons/", "/odoo/"):
        if marker in filename:
            return filename.rsplit(marker, 1)[1]
    return filename


def _growth(few, many):
    """The queries the larger set repeats more often, with where they come
    from: the lines of the failure message."""
    few_counts = Counter(sql for sql, _stack in few)
    many_counts = Counter(sql for sql, _stack in many)
    lines = []
    for sql, count in many_counts.items():
        extra = count - few_counts.get(sql, 0)
        if extra <= 0:
            continue
        stack = next(stack for text, stack in many if text == sql)
        lines.append(f"+{extra} × {' '.join(sql.split())[:600]}")
        lines.extend(f"      {frame}" for frame in stack)
    for sql, count in few_counts.items():
        missing = count - many_counts.get(sql, 0)
        if missing > 0:
            lines.append(f"-{missing} × {' '.join(sql.split())[:300]}")
    return lines


def measure_list(env, action_xmlid, listing):
    """The queries of one open of the list, after a first open warmed the
    caches, starting from an empty record cache; returns (queries, rows)."""
    # The records' pending computations and pre-commit hooks (tracking,
    # notifications) run before the first open, so that neither clears a
    # cache it warmed nor fills one the counted open then finds warm; both
    # opens start from an empty record cache, so that the first warms every
    # ormcache (access rules, ...) the counted one needs.
    env.flush_all()
    env.cr.flush()
    env.invalidate_all()
    open_list(env, action_xmlid, listing=listing)
    env.flush_all()
    env.cr.flush()
    env.invalidate_all()
    with recorded_queries(env) as queries:
        result = open_list(env, action_xmlid, listing=listing)
    return queries, result


def assert_constant_list_queries(
    case, action_xmlid, user, make_records, small=3, large=30
):
    """The list of `action_xmlid` opened as `user` costs as many queries with
    `large` records made by `make_records(n)` (which the user sees) as with
    `small`. Returns the two counts and the two row counts."""
    env = user_client_env(case.env, user)
    listing = list_specification(env, action_xmlid)
    make_records(small)
    few, few_rows = measure_list(env, action_xmlid, listing)
    make_records(large - small)
    many, many_rows = measure_list(env, action_xmlid, listing)
    counts = (len(few), len(many), few_rows["length"], many_rows["length"])
    _logger.info(
        "list %s as %s: %d queries for %d rows, %d queries for %d rows",
        action_xmlid,
        user.login,
        counts[0],
        counts[2],
        counts[1],
        counts[3],
    )
    case.assertEqual(
        many_rows["length"] - few_rows["length"],
        large - small,
        f"{action_xmlid} as {user.login}: the list shows {few_rows['length']} rows "
        f"then {many_rows['length']}, not {large - small} more: the test records "
        "must be visible to the user",
    )
    limit = listing["limit"]
    case.assertLess(
        many_rows["length"],
        limit,
        f"{action_xmlid} as {user.login}: {many_rows['length']} rows reach the "
        f"page of {limit}; the count of the larger set would add search_count",
    )
    if len(many) != len(few):
        case.fail(
            "\n".join(
                [
                    f"{action_xmlid} as {user.login}: {len(few)} queries for "
                    f"{few_rows['length']} rows, {len(many)} for "
                    f"{many_rows['length']} rows; by query text:",
                    *_growth(few, many),
                ]
            )
        )
    return counts
