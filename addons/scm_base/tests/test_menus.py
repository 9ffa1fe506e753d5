"""Every menu of our apps opens for every demo role, as the web client opens it.

The web client, after login, activates only the user's default company (no
``cids`` cookie yet): an HQ user starts with HQ alone in the switcher. For
each demo user of the suite, this test walks the menus that ``load_menus``
gives that user under the root menus of the ``scm_*`` addons, and runs for
each action the server calls the web client makes when the menu is clicked:
``get_views``, the default view's data call (``web_search_read``,
``web_read_group`` or ``read_group``) with the action's domain, context and
default search filters, then ``web_read`` of the first record with the form
view's fields. Any access error or server error fails with the user, the menu
path and the error. Addons installed later join by construction: their menus
are under a root menu of an ``scm_*`` module.
"""

import datetime
import logging
import time

import pytz
from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.osv.expression import AND, OR
from odoo.tests import TransactionCase, tagged
from odoo.tools import safe_eval as safe_eval_module
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)

LIST_LIMIT = 80
KANBAN_LIMIT = 40
X2MANY_LIMIT = 40
# x2many widgets that show their records by name only (many2many_tags and kin).
NAME_ONLY_X2MANY = ("many2many_tags", "many2many_checkboxes", "many2many_avatar")
SUBVIEW_TAGS = ("list", "kanban", "form", "graph", "calendar", "pivot")


def _field_nodes(node):
    """The <field> nodes of a view, without the fields of its embedded subviews."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            yield child
        elif child.tag not in ("groupby", "control"):
            yield from _field_nodes(child)


def _always_invisible(node):
    return node.get("invisible") in ("1", "True")


@tagged("post_install", "-at_install")
class TestMenusOpen(TransactionCase):
    """Issue 9: every screen of our apps works for every role as the web client
    opens it, with the company selection it gives after login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env.ref("scm_base.module_category_scm")
        users = cls.env["res.users"].search(
            [("share", "=", False), ("groups_id.category_id", "=", category.id)],
            order="login",
        )
        cls.demo_users = cls.env.ref("base.user_admin") | users
        root_xmlids = cls.env["ir.model.data"].search(
            [("model", "=", "ir.ui.menu"), ("module", "=like", "scm\\_%")]
        )
        cls.root_menu_ids = set(
            cls.env["ir.ui.menu"]
            .browse(root_xmlids.mapped("res_id"))
            .exists()
            .filtered(lambda menu: not menu.parent_id)
            .ids
        )

    # -- what the web client does ---------------------------------------------
    def _eval_context(self, env):
        """The names the web client's expression evaluator gives an action's
        context and domain and a search filter's domain (py.js)."""
        tz = pytz.timezone(env.context.get("tz") or "UTC")
        now = datetime.datetime.now(tz)
        return {
            **env.context,
            "uid": env.uid,
            "context": dict(env.context),
            "allowed_company_ids": env.context["allowed_company_ids"],
            "current_company_id": env.context["allowed_company_ids"][0],
            "context_today": lambda: now.date(),
            "current_date": now.strftime("%Y-%m-%d"),
            "today": now.strftime("%Y-%m-%d"),
            "now": now,
            "time": safe_eval_module.time,
            "datetime": safe_eval_module.datetime,
            "relativedelta": relativedelta,
        }

    def _spec(self, env, model, arch_node, fields_by_model, view_type):
        """The `specification` the web client builds from a view's fields:
        many2one with its display name, x2many with their subview's fields."""
        fields = fields_by_model.get(model, {})
        spec = {"display_name": {}} if view_type == "form" else {}
        for node in _field_nodes(arch_node):
            name = node.get("name")
            field = fields.get(name)
            if not field:
                continue
            ftype = field["type"]
            if ftype in ("many2one", "reference"):
                spec[name] = {
                    "fields": {} if _always_invisible(node) else {"display_name": {}}
                }
            elif ftype in ("one2many", "many2many"):
                spec[name] = self._x2many_spec(
                    env, node, field, fields_by_model, view_type
                )
            else:
                spec.setdefault(name, {})
        return spec

    def _x2many_spec(self, env, node, field, fields_by_model, view_type):
        if _always_invisible(node):
            return {}
        widget = node.get("widget") or ""
        if widget.startswith(NAME_ONLY_X2MANY):
            return {"fields": {"display_name": {}}}
        subviews = {child.tag: child for child in node if child.tag in SUBVIEW_TAGS}
        mode = (node.get("mode") or "list").split(",")[0]
        subview = next(
            (subviews[tag] for tag in (mode, "list", "kanban") if tag in subviews),
            None,
        )
        if subview is None or view_type != "form":
            return {}
        return {
            "fields": self._spec(
                env, field["relation"], subview, fields_by_model, subview.tag
            ),
            "limit": X2MANY_LIMIT,
        }

    def _search_defaults(self, search_arch, context, eval_context):
        """The domain and group-by of the filters an action turns on with
        `search_default_*` keys: filters of one group are OR-ed, groups
        AND-ed, as in the web client's search model."""
        defaults = {
            key[len("search_default_") :]: value
            for key, value in context.items()
            if key.startswith("search_default_") and value
        }
        if not defaults:
            return [], []
        groups, current = [], []
        group_by = []
        for node in search_arch.iter():
            if node.tag in ("separator", "group", "field") and current:
                groups.append(current)
                current = []
            if node.tag == "filter" and node.get("name") in defaults:
                node_context = safe_eval(node.get("context") or "{}", eval_context)
                if node_context.get("group_by"):
                    group_by.append(node_context["group_by"])
                elif node.get("date"):
                    continue  # a date filter's default period: not used by our actions
                elif node.get("domain"):
                    current.append(safe_eval(node.get("domain"), eval_context))
            elif node.tag == "field" and node.get("name") in defaults:
                value = defaults[node.get("name")]
                if node.get("filter_domain"):
                    domain = safe_eval(
                        node.get("filter_domain"), {**eval_context, "self": value}
                    )
                else:
                    domain = [(node.get("name"), "=", value)]
                groups.append([domain])
        if current:
            groups.append(current)
        domain = []
        for group in groups:
            domain = AND([domain, OR(group)])
        return domain, group_by

    def _open_window_action(self, env, action):
        eval_context = self._eval_context(env)
        action_context = safe_eval(action.get("context") or "{}", eval_context)
        env = env(context={**env.context, **action_context, "bin_size": True})
        eval_context = self._eval_context(env)
        domain = safe_eval(action.get("domain") or "[]", eval_context)
        model = env[action["res_model"]]
        views = [list(view) for view in action["views"]]
        views.append(
            [action.get("search_view_id") and action["search_view_id"][0], "search"]
        )
        # The views depend on the user's groups and company only: users with
        # the same groups share them (keeps the walk fast).
        views_key = (
            tuple(env.user._get_group_ids()),
            env.company.id,
            action["id"],
            str(views),
        )
        if views_key not in self._views_cache:
            self._views_cache[views_key] = model.get_views(
                views,
                {"action_id": action["id"], "load_filters": True, "toolbar": True},
            )
        result = self._views_cache[views_key]
        fields_by_model = {
            name: info["fields"] for name, info in result["models"].items()
        }
        archs = {
            view_type: etree.fromstring(view["arch"])
            for view_type, view in result["views"].items()
        }
        default_domain, group_by = self._search_defaults(
            archs["search"], action_context, eval_context
        )
        domain = AND([domain, default_domain])
        if action.get("res_id"):
            records = model.browse(action["res_id"])
        else:
            records = self._load_default_view(
                model,
                views[0][1],
                archs[views[0][1]],
                domain,
                group_by,
                fields_by_model,
                action,
            )
        if "form" in archs and records:
            spec = self._spec(env, model._name, archs["form"], fields_by_model, "form")
            records[:1].web_read(spec)

    def _load_default_view(
        self, model, view_type, arch, domain, group_by, fields_by_model, action
    ):
        """The default view's data call; returns the records the user can open."""
        fields = fields_by_model[model._name]
        if view_type in ("pivot", "graph"):
            groupbys = [
                node.get("name")
                + (f":{node.get('interval')}" if node.get("interval") else "")
                for node in arch.iter("field")
                if node.get("type") in ("row", "col")
            ]
            measures = [
                f"{name}:{fields[name].get('aggregator') or 'sum'}"
                for name in (
                    node.get("name")
                    for node in arch.iter("field")
                    if node.get("type") == "measure"
                )
                if name in fields
            ]
            model.read_group(
                domain, [*measures, "__count"], groupbys or group_by, lazy=False
            )
        elif view_type == "form":
            spec = self._spec(model.env, model._name, arch, fields_by_model, "form")
            model.onchange({}, [], spec)
            return model.browse()
        elif view_type == "activity":
            model.env["mail.activity"].get_activity_data(model._name, domain)
        else:
            spec = self._spec(model.env, model._name, arch, fields_by_model, view_type)
            limit = (
                KANBAN_LIMIT
                if view_type == "kanban"
                else (action.get("limit") or LIST_LIMIT)
            )
            group_by = group_by or (
                [arch.get("default_group_by")] if arch.get("default_group_by") else []
            )
            if group_by and view_type in ("list", "kanban"):
                aggregates = [
                    f"{name}:{fields[name]['aggregator']}"
                    for name in spec
                    if fields.get(name, {}).get("aggregator")
                    and fields[name]["type"] in ("integer", "float", "monetary")
                ]
                model.web_read_group(domain, aggregates, group_by, limit=LIST_LIMIT)
            model.web_search_read(domain, spec, limit=limit)
        return model.search(domain, limit=1)

    # -- the walk -------------------------------------------------------------
    def _menu_actions(self, env):
        """(menu path, action) of every menu of our apps the user sees, each
        action once."""
        menus = env["ir.ui.menu"].load_menus(debug=False)
        seen, found = set(), []

        def walk(menu_id, path):
            menu = menus.get(menu_id)
            if not menu:
                return
            path = [*path, menu["name"]]
            if menu["action"] and menu["action"] not in seen:
                seen.add(menu["action"])
                found.append((" › ".join(path), menu["action"]))
            for child in menu["children"]:
                walk(child, path)

        for root in menus["root"]["children"]:
            if root in self.root_menu_ids:
                walk(root, [])
        return found

    def _open(self, env, action_ref):
        action_model, action_id = action_ref.split(",")
        # /web/action/load
        action = env[action_model].browse(int(action_id))
        self.assertTrue(action.sudo().exists(), "the action does not exist")
        if action_model == "ir.actions.act_window":
            if action.id not in self._action_cache:
                self._action_cache[action.id] = action.sudo()._get_action_dict()
            self._open_window_action(env, self._action_cache[action.id])
        elif action_model == "ir.actions.server":
            # /web/action/run as the user, then the action it returns
            result = action.with_env(env).run()
            if result and result.get("type") == "ir.actions.act_window":
                self._open_window_action(env, result)
        else:
            loaded = action.sudo()._get_action_dict()
            if action_model == "ir.actions.client":
                self.assertTrue(loaded.get("tag"), "the client action has no tag")

    def test_every_menu_opens_for_every_role(self):
        """Issue 9: each demo role opens every menu of our apps (default view,
        data and the first record's form) with only its default company active."""
        self.assertGreater(len(self.demo_users), 8)
        started, cpu_started = time.time(), time.process_time()
        self._views_cache, self._action_cache = {}, {}
        opened = 0
        for user in self.demo_users:
            self.env.invalidate_all()
            env = self.env(
                user=user,
                context={
                    "lang": "zh_CN",
                    "tz": user.tz or "Asia/Shanghai",
                    "uid": user.id,
                    "allowed_company_ids": [user.company_id.id],
                },
            )
            actions = self._menu_actions(env)
            for path, action_ref in actions:
                with self.subTest(user=user.login, menu=path):
                    try:
                        with self.env.cr.savepoint():
                            self._open(env, action_ref)
                    except Exception as error:  # noqa: BLE001 - reported with user and menu
                        self.fail(
                            f"{user.login} opening {path} ({action_ref}): "
                            f"{type(error).__name__}: {error}"
                        )
                opened += 1
        _logger.info(
            "opened %d menu actions for %d users in %.1fs (%.1fs of CPU)",
            opened,
            len(self.demo_users),
            time.time() - started,
            time.process_time() - cpu_started,
        )

    def test_every_report_renders_for_the_roles(self):
        """Issue 9: every report of our apps renders, for HQ and branch roles
        with only their default company active, on the first record they can
        read; a business refusal (a UserError such as "not signed yet") is an
        answer, an access error or a crash is not."""
        logins = (
            "admin",
            "president",
            "mc.manager",
            "msd.manager",
            "finance.staff",
            "audit.staff",
            "wh.manager",
            "wh.consultant",
            "bj.manager",
        )
        users = self.demo_users.filtered(lambda user: user.login in logins)
        self.assertEqual(len(users), len(logins))
        reports = self.env["ir.actions.report"].browse(
            self.env["ir.model.data"]
            .search(
                [("model", "=", "ir.actions.report"), ("module", "=like", "scm\\_%")]
            )
            .mapped("res_id")
        )
        self.assertTrue(reports)
        for user in users:
            self.env.invalidate_all()
            env = self.env(
                user=user,
                context={
                    "lang": "zh_CN",
                    "allowed_company_ids": [user.company_id.id],
                },
            )
            for report in reports:
                model = env[report.model]
                if model._abstract or not model.has_access("read"):
                    continue
                record = model.search([], limit=1)
                if not record:
                    continue
                with self.subTest(user=user.login, report=report.report_name):
                    try:
                        with self.env.cr.savepoint():
                            env["ir.actions.report"]._render_qweb_html(
                                report.report_name, record.ids
                            )
                    except (AccessError, MissingError) as error:
                        self.fail(
                            f"{user.login} printing {report.name} of {record}: "
                            f"{type(error).__name__}: {error}"
                        )
                    except UserError as refusal:
                        # The document's own refusal (not yet signed, not
                        # numbered): a message for the user, not a wall.
                        self.assertTrue(str(refusal))
