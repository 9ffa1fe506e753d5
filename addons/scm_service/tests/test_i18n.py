"""Simplified Chinese for customer service (issue 12): every term of
scm_service and of the OCA helpdesk modules it builds on has zh_CN, and a
zh_CN user reads the service menus, a request and a refused step in Chinese."""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.test_i18n import (
    LANG,
    english_words,
    in_chinese,
    missing_terms,
)

from .common import ScmServiceCase

# The OCA addons scm_service pulls in (OCA ships no zh_CN; ours is in
# addons/<addon>/i18n_extra/zh_CN.po, see addons/helpdesk_mgmt/README.md).
# scm_service's own terms: scm_base's TestEveryAddonInChinese.
MODULES = {
    "helpdesk_mgmt": "addons/helpdesk_mgmt/i18n_extra/zh_CN.po",
    "helpdesk_mgmt_sla": "addons/helpdesk_mgmt_sla/i18n_extra/zh_CN.po",
    "helpdesk_type": "addons/helpdesk_type/i18n_extra/zh_CN.po",
    "helpdesk_type_sla": "addons/helpdesk_type_sla/i18n_extra/zh_CN.po",
    "helpdesk_mgmt_project": "addons/helpdesk_mgmt_project/i18n_extra/zh_CN.po",
}


@tagged("post_install", "-at_install")
class TestServiceTermsInChinese(ScmServiceCase):
    """A zh_CN user sees no English on the customer-service screens: every
    term of scm_service and of helpdesk_mgmt, helpdesk_mgmt_sla,
    helpdesk_type, helpdesk_type_sla and helpdesk_mgmt_project (views,
    fields, selections, menus, actions, reports, mail templates, Python
    messages) has its Simplified Chinese; the service menus, a service
    request's form, stage, category and channel, and a refused step's message
    read in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)
        # The helpdesk modules' Chinese (i18n_extra) is loaded when they
        # install or update; a database made before it (scm_svc_tpl and its
        # copies) has it only after `-u helpdesk_mgmt,...`: load it here,
        # missing terms only.
        cls.env["ir.module.module"].search(
            [("name", "in", list(MODULES)[1:]), ("state", "=", "installed")]
        )._update_translations(LANG)
        for user in (cls.wh_manager, cls.wh_consultant2):
            user.sudo().lang = LANG
        cls.request = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.wh_consultant2)
            .with_context(allowed_company_ids=[cls.wuhan.id])
            .create(
                {
                    "name": "系统无法登录",
                    "description": "<p>客户来电：系统无法登录</p>",
                    "partner_id": cls.hanjiang.id,
                    "channel_id": cls.env.ref("scm_service.channel_phone").id,
                    "category_id": cls.env.ref("scm_service.category_support_02").id,
                }
            )
        )

    def in_client(self, record, user):
        """`record` as `user`'s web client loads it: the user's company and
        language."""
        return self.as_client(record, user).with_context(lang=user.lang)

    def _missing(self, module):
        return missing_terms(self.env, module)

    def test_every_service_and_helpdesk_term_has_chinese(self):
        for module, po in MODULES.items():
            with self.subTest(module=module):
                missing = self._missing(module)
                self.assertFalse(
                    missing,
                    f"{module} terms without zh_CN; add them to {po} "
                    f"(scripts/i18n.sh {module}):\n" + "\n".join(missing),
                )

    def test_service_menus_read_in_chinese(self):
        menus = (
            self.env["ir.ui.menu"]
            .with_user(self.wh_manager)
            .with_context(lang=self.wh_manager.lang)
            .load_menus(False)
        )
        by_xmlid = {
            menu["xmlid"]: menu["name"]
            for menu in menus.values()
            if isinstance(menu, dict) and menu.get("xmlid")
        }
        expected = {
            "menu_scm_service_root": "客户服务",
            "menu_scm_service_requests": "服务请求",
            "menu_scm_service_customers": "服务客户",
            "menu_scm_service_hq": "总公司对口指导",
            "menu_scm_service_discs": "产品盘",
            "menu_scm_service_reporting": "报表",
        }
        for xmlid, name in expected.items():
            self.assertEqual(by_xmlid.get(f"scm_service.{xmlid}"), name, xmlid)
        # Every menu of the addon and of the helpdesk, visible to this user
        # or not.
        menu_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("module", "in", list(MODULES)),
                    ("model", "=", "ir.ui.menu"),
                ]
            )
            .mapped("res_id")
        )
        self.assertTrue(menu_ids)
        for menu in self.env["ir.ui.menu"].sudo().browse(menu_ids):
            self.assertFalse(english_words(menu.name), f"menu {menu.name!r}")

    def test_service_request_reads_in_chinese(self):
        """The request's stage, category (service item) and channel, and the
        labels of its form, as the service staff's web client loads them."""
        request = self.in_client(self.request, self.wh_consultant2)
        self.assertEqual(request.stage_id.name, "新建")
        self.assertEqual(request.channel_id.name, "电话咨询")
        self.assertEqual(request.category_id.name, "功能及使用指导")
        self.assertIn("技术支持服务", request.category_id.display_name)
        for text in (
            request.stage_id.name,
            request.category_id.display_name,
            request.channel_id.name,
            request.team_id.name,
        ):
            self.assertFalse(english_words(text), text)
        stages = request.env["helpdesk.ticket.stage"].search([])
        for stage in stages:
            self.assertFalse(english_words(stage.name), f"stage {stage.name!r}")

        views = request.get_views([(False, "form")])
        fields = views["models"]["helpdesk.ticket"]["fields"]
        self.assertEqual(fields["stage_id"]["string"], "阶段")
        self.assertEqual(fields["category_id"]["string"], "类别")
        self.assertEqual(fields["channel_id"]["string"], "渠道")
        self.assertEqual(fields["team_id"]["string"], "服务团队")
        self.assertEqual(fields["priority"]["string"], "优先级")
        self.assertEqual(fields["user_id"]["string"], "负责人")
        self.assertEqual(fields["partner_id"]["string"], "联系人")
        kinds = dict(fields["scm_service_kind"]["selection"])
        self.assertEqual(kinds["time_billed"], "计时收费")
        arch = etree.fromstring(views["views"]["form"]["arch"])
        for node in arch.iter():
            for text in (node.get("string"), node.get("help"), node.text):
                self.assertFalse(english_words(text), f"<{node.tag} {node.attrib}>")
        for name, field in fields.items():
            self.assertFalse(english_words(field["string"]), f"{name}")

    def test_refused_step_reads_in_chinese(self):
        """A service staff member may not approve the escalation to HQ: the
        message says so in Chinese."""
        request = self.in_client(self.request, self.wh_consultant2)
        with self.assertRaises(UserError) as refused:
            request.action_scm_request_escalation()
        message = str(refused.exception)
        self.assertIn("应对措施", message)
        self.assertFalse(english_words(message), message)

        request.write({"scm_interim_measures": "先用手工单据过渡"})
        request.action_scm_request_escalation()
        with self.assertRaises(UserError) as refused:
            request.action_scm_approve_escalation()
        message = str(refused.exception)
        self.assertIn("分公司经理", message)
        self.assertIn("批准上报", message)
        self.assertFalse(english_words(message), message)
