from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.test_i18n import (
    LANG,
    english_words,
    in_chinese,
    missing_terms,
)

from .common import ScmTrainingCase

# The OCA addon scm_training extends (OCA ships a partial zh_CN for hr_course;
# ours is in addons/hr_course/i18n_extra/zh_CN.po). scm_training's own terms:
# scm_base's TestEveryAddonInChinese.
MODULES = {
    "hr_course": "addons/hr_course/i18n_extra/zh_CN.po",
}


@tagged("post_install", "-at_install")
class TestTrainingTermsInChinese(ScmTrainingCase):
    """A zh_CN user sees no English on the marketing-training screens (issue
    13): every term of scm_training and hr_course (views, fields, selections,
    menus, actions, reports, evaluation criteria, tier definitions, Python
    messages) has its Simplified Chinese, with the manual's own words
    (chapter 六): 培训计划表, 培训实施办法, 培训讲义, 主训人, 补考, 待下岗, 五有."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = in_chinese(cls.env)
        # hr_course's Chinese (i18n_extra) is loaded when hr_course installs or
        # updates; a database made before it (scm_trn_tpl and its copies) has
        # it only after `-u hr_course`: load it here, missing terms only.
        cls.env["ir.module.module"].search(
            [("name", "=", "hr_course"), ("state", "=", "installed")]
        )._update_translations(LANG)
        # The Wuhan branch manager (organiser of cls.session) and a trainee
        # read Simplified Chinese.
        (cls.wh_manager | cls.wh_consultant).sudo().lang = LANG

    def _missing(self, module):
        return missing_terms(self.env, module)

    def test_every_training_term_has_chinese(self):
        for module, po in MODULES.items():
            with self.subTest(module=module):
                missing = self._missing(module)
                self.assertFalse(
                    missing,
                    f"{module} terms without zh_CN; add them to {po} "
                    f"(scripts/i18n.sh {module}):\n" + "\n".join(missing),
                )

    def test_training_menus_read_in_chinese(self):
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
        prefix = "scm_training.menu_scm_training_"
        self.assertEqual(by_xmlid[prefix + "root"], "营销培训")
        self.assertEqual(by_xmlid[prefix + "sessions"], "培训场次")
        self.assertEqual(by_xmlid[prefix + "five_haves"], "五有")
        # Every menu of the addon, visible to this user or not.
        menu_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "scm_training"), ("model", "=", "ir.ui.menu")])
            .mapped("res_id")
        )
        self.assertTrue(menu_ids)
        for menu in self.env["ir.ui.menu"].sudo().browse(menu_ids):
            self.assertFalse(english_words(menu.name), f"menu {menu.name!r}")

    def test_session_form_stage_labels_in_chinese(self):
        """TRN-SM-01: the statusbar of a training session, as the organiser's
        web client loads the form, reads the manual's steps in Chinese."""
        session = self.as_client(self.session, self.wh_manager).with_context(
            lang=self.wh_manager.lang
        )
        views = session.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        fields = views["models"]["scm.training.session"]["fields"]
        self.assertTrue(arch.xpath("//field[@name='stage'][@widget='statusbar']"))
        stages = dict(fields["stage"]["selection"])
        self.assertEqual(stages["planned"], "已计划")
        self.assertEqual(stages["method_approved"], "实施办法已批准")
        self.assertEqual(stages["handout_approved"], "讲义已批准")
        self.assertEqual(stages["held"], "已实施")
        self.assertEqual(stages["evaluated"], "讲师已评议")
        self.assertEqual(stages["examined"], "学员已考试")
        for value, label in stages.items():
            self.assertFalse(english_words(label), f"stage {value} reads {label!r}")
        self.assertEqual(fields["trainer_id"]["string"], "主训人")
        self.assertEqual(fields["superior_id"]["string"], "上级")
        # The header buttons of the session's own steps.
        for button in arch.xpath("//header/button"):
            text = button.get("string") or " ".join(button.itertext())
            self.assertFalse(english_words(text), f"button {button.get('name')}")

    def test_refused_step_reads_in_chinese(self):
        """A trainee who tries the organiser's step is refused in Chinese; the
        organiser who marks a planned session held hears why, in Chinese, with
        the training's own words in scm_base's stage message."""
        as_trainee = self.as_client(self.session, self.wh_consultant).with_context(
            lang=self.wh_consultant.lang
        )
        with self.assertRaises(AccessError) as refused:
            as_trainee.action_open_held_wizard()
        message = str(refused.exception)
        self.assertIn("您不能标记为已实施", message)
        self.assertIn(self.wh_manager.name, message)
        self.assertFalse(english_words(message), message)

        as_organiser = self.as_client(self.session, self.wh_manager).with_context(
            lang=self.wh_manager.lang
        )
        with self.assertRaises(UserError) as refused:
            as_organiser.action_scm_mark_held()
        message = str(refused.exception)
        self.assertIn("已计划", message)
        self.assertIn("标记为已实施", message)
        self.assertIn("讲义已批准", message)
        self.assertFalse(english_words(message), message)
