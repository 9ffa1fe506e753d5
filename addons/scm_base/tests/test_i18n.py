import re

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

from .common import ScmDocumentCase

LANG = "zh_CN"
# An English word: three letters or more, at least one of them lower case
# (document codes such as SCMS or CON-SC-02 are not words).
ENGLISH_WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b")


def english_words(text):
    return ENGLISH_WORD.findall(re.sub(r"<[^>]*>", " ", text or ""))


# A report's file name (print_report_name) is a Python expression whose
# names and attributes are code; only its string literals reach the user.
PYTHON_LITERAL = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def visible_text(name, source):
    """The text a user sees of a term."""
    if name == "ir.actions.report,print_report_name":
        return " ".join("".join(parts) for parts in PYTHON_LITERAL.findall(source))
    return source


def missing_terms(env, module):
    """The terms of `module` a zh_CN user would read in English: every term
    (views, fields, selections, menus, actions, reports, data, Python
    messages) without its Simplified Chinese, described for the failure."""
    return sorted(
        {
            f"{source!r} ({ttype} {name})"
            for __, ttype, name, __, source, value, __ in TranslationModuleReader(
                env.cr, modules=[module], lang=LANG
            )
            if not value and english_words(visible_text(name, source))
        }
    )


def in_chinese(env):
    # The run and test commands install zh_CN; a database without it gets
    # it here, through the suite's own translation loading.
    if not env["res.lang"]._lang_get(LANG).active:
        env["res.lang"]._activate_lang(LANG)
        env["ir.module.module"].search(
            [("name", "=like", "scm\\_%"), ("state", "=", "installed")]
        )._update_translations(LANG)
    return env(context=dict(env.context, lang=LANG))


@tagged("post_install", "-at_install")
class TestOcaApprovalTermsInChinese(TransactionCase):
    """A zh_CN user sees no English on the approval screens (issue 9):
    OCA base_tier_validation's label, buttons, reviews widget, systray,
    messages, selections and activity type, and the approval state of every
    document of the suite."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)

    def test_every_base_tier_validation_term_has_chinese(self):
        """Records (views, fields, selections of every document model,
        activity type, subtypes) and code (Python messages, JavaScript)."""
        missing = sorted(
            {
                f"{source!r} ({ttype} {name})"
                for __, ttype, name, __, source, value, __ in TranslationModuleReader(
                    self.env.cr, modules=["base_tier_validation"], lang=LANG
                )
                if not value and english_words(source)
            }
        )
        self.assertFalse(
            missing,
            "base_tier_validation terms without zh_CN; add them to "
            "addons/base_tier_validation/i18n_extra/zh_CN.po "
            "(scripts/i18n.sh base_tier_validation):\n" + "\n".join(missing),
        )

    def test_web_client_gets_the_reviews_widget_and_systray_in_chinese(self):
        rows = TranslationModuleReader(
            self.env.cr, modules=["base_tier_validation"], lang=LANG
        )
        javascript = {
            source
            for __, ttype, __, __, source, __, comments in rows
            if ttype == "code" and "odoo-javascript" in comments
        }
        self.assertIn("No reviews to do.", javascript)
        translations = self.env["ir.http"].get_translations_for_webclient(
            ["base_tier_validation"], LANG
        )[0]["base_tier_validation"]
        served = {
            message["id"]: message["string"] for message in translations["messages"]
        }
        self.assertEqual(javascript - served.keys(), set())
        self.assertEqual(served["No reviews to do."], "没有待审批的单据。")

    def test_approval_state_of_every_document_in_chinese(self):
        """Statusbars, badges and tracked state changes read the selection
        labels of each document model (scm_base's and base_tier_validation's
        translations, created per model when the document's addon installs)."""
        # By the mixin's name in each model's classes: a test that registers a
        # model of its own rebuilds the registry's classes, so the mixin's
        # class of this registry may no longer be the one documents inherit.
        documents = [
            name
            for name, model in self.env.registry.items()
            if not model._abstract
            and any(
                getattr(cls, "_name", None) == "scm.approval.mixin"
                for cls in model.__mro__
            )
        ]
        self.assertTrue(documents)
        for name in documents:
            fields = self.env[name].fields_get(
                ["state", "validation_status"], ["selection", "string"]
            )
            for field in fields.values():
                for value, label in field["selection"]:
                    self.assertFalse(
                        english_words(label), f"{name}: {value} reads {label!r}"
                    )


@tagged("post_install", "-at_install")
class TestApprovalScreensInChinese(ScmDocumentCase):
    """The approval label, buttons and decision dialog of a document form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)

    def test_document_form_shows_approval_label_and_buttons_in_chinese(self):
        # A document form as the suite's are: a header with its own buttons
        # (the approval buttons come after them) and a sheet.
        view = self.env["ir.ui.view"].create(
            {
                "model": "scm.document.tester",
                "type": "form",
                "arch": """<form>
                    <header>
                        <button name="action_scm_print_approval_history"
                                type="object" string="审批记录"/>
                    </header>
                    <sheet><field name="name"/></sheet>
                </form>""",
            }
        )
        arch = etree.fromstring(
            self.env["scm.document.tester"].get_view(view.id, "form")["arch"]
        )
        alerts = [
            " ".join("".join(alert.itertext()).split())
            for alert in arch.xpath("//div[hasclass('alert')]")
        ]
        self.assertIn("此单据需要审批。", alerts)
        buttons = {
            button.get("name"): button.get("string")
            for button in arch.xpath("//button[@string]")
        }
        self.assertEqual(buttons["validate_tier"], "批准")
        self.assertEqual(buttons["reject_tier"], "驳回")
        self.assertEqual(buttons["action_scm_submit"], "提交审批")
        for text in [*alerts, *buttons.values()]:
            self.assertFalse(english_words(text), text)

    def test_decision_dialog_names_its_decision_in_chinese(self):
        document = self.new_document(name="武汉服装项目建议书").with_context(lang=LANG)
        document.action_scm_submit()
        reviewer = self.users["wh.manager"]
        mine = document.sudo().review_ids.filtered(
            lambda review: reviewer in review.reviewer_ids
        )
        self.assertTrue(mine)
        as_reviewer = document.with_user(reviewer)
        reject = as_reviewer.reject_tier()
        self.assertEqual(reject["name"], "驳回 武汉服装项目建议书")
        approve = as_reviewer._add_comment("validate", mine)
        self.assertEqual(approve["name"], "批准 武汉服装项目建议书")

        wizard_arch = etree.fromstring(
            self.env["comment.wizard"].get_view(reject["view_id"], "form")["arch"]
        )
        buttons = {
            button.get("string"): button.get("invisible")
            for button in wizard_arch.xpath("//footer/button")
        }
        self.assertEqual(buttons["批准"], "validate_reject == 'reject'")
        self.assertEqual(buttons["驳回"], "validate_reject != 'reject'")
        # An empty opinion is refused by the decision method with its own
        # message (test_approval), so the placeholder tells it is required.
        comment = wizard_arch.xpath("//field[@name='comment']")[0]
        self.assertIn("必填", comment.get("placeholder"))
        texts = [
            wizard_arch.get("string"),
            comment.get("placeholder"),
            *buttons,
            *("".join(p.itertext()) for p in wizard_arch.xpath("//p")),
        ]
        for text in texts:
            self.assertFalse(english_words(text), text)


@tagged("post_install", "-at_install")
class TestEveryAddonInChinese(TransactionCase):
    """Every term of every scm_* addon installed (views, fields, selections,
    menus, actions, reports, data, Python messages) has its Simplified
    Chinese: a field added without its translation fails here, whichever
    addon adds it. The chapter addons check the OCA addons they pull in."""

    def test_every_term_of_every_scm_addon_has_chinese(self):
        env = in_chinese(self.env)
        addons = env["ir.module.module"].search(
            [("name", "=like", "scm\\_%"), ("state", "=", "installed")]
        )
        self.assertIn("scm_base", addons.mapped("name"))
        for addon in addons.mapped("name"):
            with self.subTest(addon=addon):
                missing = missing_terms(env, addon)
                self.assertFalse(
                    missing,
                    f"{addon} terms without zh_CN; add them to "
                    f"addons/{addon}/i18n/zh_CN.po (scripts/i18n.sh {addon}):\n"
                    + "\n".join(missing),
                )
