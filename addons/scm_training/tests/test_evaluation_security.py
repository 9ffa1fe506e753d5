from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT, client_env

from .evaluation_common import ScmTrainingEvaluationCase

MODELS = (
    "scm.training.session",
    "scm.training.evaluation",
    "scm.training.exam",
    "scm.training.exam.result",
    "scm.training.summary",
)


@tagged("post_install", "-at_install")
class TestEvaluationSecurity(ScmTrainingEvaluationCase):
    """Step fields, forged contexts and the printed forms of the evaluation
    area (ORG-RULE-11 as scm_base checks it, on records of this area)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")

    def closed_session(self):
        exam = self.examined(scores={self.consultant_emp: 45, self.consultant2_emp: 95})
        summary = self.env["scm.training.summary"].with_user(self.wh_manager)
        summary = summary.create(
            {"session_id": self.session.id, "content": "<p>总结</p>"}
        )
        summary.action_submit()
        return exam, summary

    def test_step_fields_refused_even_to_the_admin_with_forged_context(self):
        """ORG-RULE-11, TRN-SM-01: the stage and every decision field of the
        area's documents are written only by their steps."""
        exam, summary = self.closed_session()
        records = {
            "scm.training.session": self.session,
            "scm.training.evaluation": self.session.scm_evaluation_id,
            "scm.training.exam": exam,
            "scm.training.exam.result": exam.result_ids[0],
            "scm.training.summary": summary,
        }
        tested = 0
        for model_name in MODELS:
            record = records[model_name]
            attacker = record.with_env(
                client_env(self.env, self.admin, **FORGED_CONTEXT)
            )
            for name in sorted(record._scm_step_field_names()):
                field = record._fields[name]
                if not field.store:
                    continue
                with self.subTest(model=model_name, field=name):
                    with self.assertRaises(UserError):
                        attacker.write({name: record[name] or False})
                    tested += 1
        self.assertGreater(tested, 15)

    def test_forms_print_for_organiser_and_audit(self):
        """The three chapter-七 forms render for the organiser and for the
        Audit Dept."""
        exam, summary = self.closed_session()
        reports = {
            "scm_training.action_report_scm_training_evaluation": (
                self.session.scm_evaluation_id
            ),
            "scm_training.action_report_scm_training_exam": exam,
            "scm_training.action_report_scm_training_summary": summary,
        }
        for xmlid, record in reports.items():
            for user in (self.wh_manager, self.auditor):
                with self.subTest(report=xmlid, user=user.login):
                    report = self.env["ir.actions.report"].with_user(user)
                    html, _kind = report._render_qweb_html(xmlid, record.ids)
                    self.assertIn(record.session_id.name, html.decode())

    def test_criteria_kept_by_the_training_dept(self):
        criterion = self.env.ref("scm_training.trn_criterion_time")
        with self.assertRaises(AccessError):
            criterion.with_user(self.wh_manager).write({"name": "x"})
        criterion.with_user(self.training_manager).write({"sequence": 111})

    def test_exam_paper_title_shown_without_survey_rights(self):
        """An organiser opens the exam: the paper shows by its title and its
        attempt limit, read through the exam, whether or not his groups let
        him open surveys themselves (scm_sales gives branch managers survey
        rights for customer surveys; without them the title still shows)."""
        exam, _summary = self.closed_session()
        as_organiser = self.as_client(exam, self.wh_manager)
        values = as_organiser.web_read(
            {"survey_id": {}, "survey_title": {}, "attempts_limit": {}}
        )[0]
        self.assertEqual(values["survey_title"], self.paper.title)
        self.assertEqual(values["attempts_limit"], 2)
