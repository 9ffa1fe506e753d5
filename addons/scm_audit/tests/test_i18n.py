from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.test_i18n import (
    LANG,
    english_words,
    in_chinese,
    missing_terms,
)

from .common import ScmAuditCase

# The OCA management system scm_audit builds on (OCA ships no zh_CN; ours is
# in addons/<module>/i18n_extra/zh_CN.po). scm_audit's own terms: scm_base's
# TestEveryAddonInChinese.
OCA_MODULES = (
    "mgmtsystem",
    "mgmtsystem_action",
    "mgmtsystem_nonconformity",
    "mgmtsystem_audit",
    "document_knowledge",
    "document_page",
    "document_page_mgmtsystem",
    "document_page_procedure",
)
MODULES = {module: f"addons/{module}/i18n_extra/zh_CN.po" for module in OCA_MODULES}


@tagged("post_install", "-at_install")
class TestAuditTermsInChinese(ScmAuditCase):
    """A zh_CN user sees no English on the audit screens (issue 14): every
    term of scm_audit and of OCA's management system has its Simplified
    Chinese, with the manual's words (chapter 五): 稽核报告单, 整改, 复查,
    警告, 书面批评, 全公司通报, 客户满意度调查报告."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)
        # The OCA modules' Chinese (i18n_extra) is loaded when they install
        # or update; a database made before it has it only after an update:
        # load it here, missing terms only.
        cls.env["ir.module.module"].search(
            [("name", "in", list(MODULES)), ("state", "=", "installed")]
        )._update_translations(LANG)
        (cls.wh_manager | cls.wh_consultant | cls.auditor).sudo().lang = LANG

    def test_every_audit_and_mgmtsystem_term_has_chinese(self):
        for module, po in MODULES.items():
            with self.subTest(module=module):
                missing = missing_terms(self.env, module)
                self.assertFalse(
                    missing,
                    f"{module} terms without zh_CN; add them to {po} "
                    f"(scripts/i18n.sh {module}):\n" + "\n".join(missing),
                )

    def test_audit_menus_read_in_chinese(self):
        menus = (
            self.env["ir.ui.menu"]
            .with_user(self.auditor)
            .with_context(lang=LANG)
            .load_menus(False)
        )
        by_xmlid = {
            menu["xmlid"]: menu["name"]
            for menu in menus.values()
            if isinstance(menu, dict) and menu.get("xmlid")
        }
        self.assertEqual(by_xmlid["scm_audit.menu_scm_audit_root"], "营销稽核")
        menu_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "scm_audit"), ("model", "=", "ir.ui.menu")])
            .mapped("res_id")
        )
        self.assertTrue(menu_ids)
        for menu in self.env["ir.ui.menu"].sudo().browse(menu_ids):
            self.assertFalse(english_words(menu.name), f"menu {menu.name!r}")

    def test_finding_form_reads_the_ladder_in_chinese(self):
        """AUD-ESC-01: the finding form, as the audited person's client loads
        it, names the levels and the steps in Chinese."""
        finding = self.as_client(self.confirmed_finding(), self.wh_consultant)
        finding = finding.with_context(lang=LANG)
        views = finding.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        fields = views["models"]["scm.audit.finding"]["fields"]
        levels = dict(fields["level"]["selection"])
        self.assertEqual(levels["1"], "一级：警告")
        self.assertEqual(levels["2"], "二级：书面批评")
        self.assertEqual(levels["3"], "三级：全公司通报")
        for value, label in dict(fields["state"]["selection"]).items():
            self.assertFalse(english_words(label), f"state {value} reads {label!r}")
        for button in arch.xpath("//header/button"):
            text = button.get("string") or " ".join(button.itertext())
            self.assertFalse(english_words(text), f"button {button.get('name')}")

    def test_refused_step_reads_in_chinese(self):
        """The audited person who tries to re-check his own finding is
        refused in Chinese."""
        finding = self.planned_finding(due=self.today)
        as_person = self.as_client(finding, self.wh_consultant).with_context(lang=LANG)
        with self.assertRaises(UserError) as refused:
            as_person.action_scm_recheck("passed", "已整改")
        self.assertIn("稽核部", str(refused.exception))
        self.assertFalse(english_words(str(refused.exception)))
