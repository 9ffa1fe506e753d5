from lxml import etree

from odoo.tests import tagged

from odoo.addons.scm_base.tests.test_i18n import (
    LANG,
    english_words,
    in_chinese,
    missing_terms,
)

from .common import ScmProjectsCase

# The two OCA addons scm_projects pulls in (OCA ships no or a partial zh_CN;
# ours is in addons/<addon>/i18n_extra/zh_CN.po). scm_projects' own terms:
# scm_base's TestEveryAddonInChinese.
MODULES = {
    "project_timeline": "addons/project_timeline/i18n_extra/zh_CN.po",
    "web_timeline": "addons/web_timeline/i18n_extra/zh_CN.po",
}


@tagged("post_install", "-at_install")
class TestProjectTermsInChinese(ScmProjectsCase):
    """A zh_CN user sees no English on the customer-project screens: every
    term of scm_projects, project_timeline and web_timeline (views, fields,
    selections, menus, actions, reports, Python messages, JavaScript) has its
    Simplified Chinese, and a customer project's form and menus read in
    Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)
        # The branch manager reads Simplified Chinese.
        cls.wh_manager.sudo().lang = LANG

    def _missing(self, module):
        return missing_terms(self.env, module)

    def test_every_project_term_has_chinese(self):
        for module, po in MODULES.items():
            with self.subTest(module=module):
                missing = self._missing(module)
                self.assertFalse(
                    missing,
                    f"{module} terms without zh_CN; add them to {po} "
                    f"(scripts/i18n.sh {module}):\n" + "\n".join(missing),
                )

    def test_timeline_view_served_in_chinese(self):
        """web_timeline's JavaScript terms reach the web client in Chinese."""
        translations = self.env["ir.http"].get_translations_for_webclient(
            ["web_timeline"], LANG
        )[0]["web_timeline"]
        served = {
            message["id"]: message["string"] for message in translations["messages"]
        }
        self.assertEqual(served.get("Timeline"), "时间线")
        self.assertEqual(served.get("Today"), "今天")
        for source, text in served.items():
            self.assertFalse(english_words(text), f"{source!r} reads {text!r}")

    def test_customer_project_form_reads_in_chinese(self):
        """The form of a customer project, as the branch manager's web client
        loads it: the phase statusbar, the customer-project pages, the smart
        buttons of the documents and the field labels of scm_projects."""
        # The web client sends the user's language in the context.
        project = self.as_client(self.project, self.wh_manager).with_context(
            lang=self.wh_manager.lang
        )
        views = project.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        fields = views["models"]["project.project"]["fields"]

        phases = dict(fields["scm_phase"]["selection"])
        self.assertEqual(phases["initiation"], "立项")
        self.assertEqual(phases["runin"], "磨合期")
        self.assertEqual(phases["service"], "客户服务")
        for value, label in phases.items():
            self.assertFalse(english_words(label), f"phase {value} reads {label!r}")

        pages = {page.get("name"): page.get("string") for page in arch.xpath("//page")}
        self.assertEqual(pages["scm_customer_project"], "客户项目")
        self.assertEqual(pages["scm_documents"], "项目单据")
        texts = " ".join(
            " ".join(button.itertext())
            for button in arch.xpath("//div[@name='button_box']/button")
        )
        self.assertIn("立项", texts)
        self.assertIn("合同", texts)

        # Every label, button and text scm_projects puts on the form.
        ours = arch.xpath(
            "//page[starts-with(@name, 'scm_')] | //group[starts-with(@name, 'scm_')]"
            " | //button[starts-with(@name, 'action_scm')]"
            " | //button[starts-with(@name, 'action_open_contract')]"
        )
        self.assertTrue(ours)
        for element in ours:
            for node in element.iter():
                for text in (node.get("string"), node.get("help"), node.text):
                    self.assertFalse(
                        english_words(text), f"<{node.tag} {dict(node.attrib)}>"
                    )
        for name, field in fields.items():
            if name.startswith("scm_"):
                self.assertFalse(
                    english_words(field["string"]), f"{name}: {field['string']!r}"
                )

    def test_customer_project_menus_read_in_chinese(self):
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
        self.assertEqual(by_xmlid["scm_projects.menu_scm_projects_root"], "客户项目")
        self.assertEqual(by_xmlid["scm_projects.menu_scm_projects_main"], "项目")
        self.assertEqual(
            by_xmlid["scm_projects.menu_scm_projects_documents"], "项目单据"
        )
        self.assertEqual(by_xmlid["scm_projects.menu_scm_projects_runin"], "磨合期")
        self.assertEqual(by_xmlid["scm_projects.menu_scm_projects_reporting"], "报表")
        # Every menu of the addon, visible to this user or not.
        menu_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "scm_projects"), ("model", "=", "ir.ui.menu")])
            .mapped("res_id")
        )
        for menu in self.env["ir.ui.menu"].sudo().browse(menu_ids):
            self.assertFalse(english_words(menu.name), f"menu {menu.name!r}")
