import random
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import client_env

from .common import ScmAuditCase


@tagged("post_install", "-at_install")
class TestDetectSample(ScmAuditCase):
    """Random samples of stage acceptance forms (AUD-CTR-01): the signed
    forms and the stages due without one, drawn with a logged seed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Sample = cls.env["scm.audit.sample"]
        # A customer project whose free run-in ended without a signed
        # 《项目实施验收单》: a stage due without its form.
        cls.due_project = cls.env["project.project"].search(
            [
                ("scm_contract_id", "!=", False),
                ("scm_phase", "=", "runin"),
                ("company_id", "=", cls.beijing.id),
            ],
            limit=1,
        )
        assert cls.due_project, "the demo has a Beijing project in its run-in"
        cls.due_project.sudo().write({"scm_runin_end": cls.today - timedelta(days=10)})
        cls.signed = cls.env["scm.project.acceptance"].search(
            [("customer_signed_date", "!=", False)], limit=1
        )

    def make_sample(self, user=None, **vals):
        values = {"sample_size": 50}
        values.update(vals)
        return self.as_client(self.Sample, user or self.auditor).create(values)

    def line_of(self, sample, record):
        return sample.line_ids.filtered(
            lambda line: (line.res_model, line.res_id) == (record._name, record.id)
        )

    def test_aud_ctr_01_draw_logs_seed_and_proposes_stages_without_form(self):
        """AUD-CTR-01: the draw selects N among the signed stage acceptance
        forms and the stages due without one, logs its seed and population,
        and proposes each stage drawn without a form as a finding."""
        sample = self.make_sample()
        population = sample._scm_population()
        keys = {(item["res_model"], item["res_id"]) for item in population}
        self.assertIn(("project.project", self.due_project.id), keys)
        self.assertIn(("scm.project.acceptance", self.signed.id), keys)
        self.as_client(sample, self.auditor).action_draw()
        self.assertEqual(sample.state, "drawn")
        self.assertTrue(sample.seed)
        self.assertEqual(sample.population_size, len(population))
        self.assertEqual(len(sample.line_ids), len(population))
        self.assertEqual(sample.drawn_by_id, self.auditor)
        self.assertRegex(sample.name, r"^CY-\d{4}-\d{3}$")
        self.assertIn(str(sample.seed), sample.message_ids[0].body)
        missing = self.line_of(sample, self.due_project)
        self.assertFalse(missing.has_form)
        self.assertEqual(missing.state, "failed")
        proposal = missing.proposal_id
        self.assertEqual(proposal.kind, "sample")
        self.assertEqual(
            proposal.fact_key, f"sample:project.project:{self.due_project.id}"
        )
        self.assertEqual(proposal.user_id, self.due_project.user_id)
        self.assertEqual(proposal.company_id, self.beijing)
        self.assertEqual(proposal.rule_code, "PRJ-SC-08")
        form = self.line_of(sample, self.signed)
        self.assertTrue(form.has_form)
        self.assertEqual(form.state, "to_check")
        self.assertFalse(form.proposal_id)

    def test_aud_ctr_01_auditor_checks_forms_fine_or_failed_with_note(self):
        """AUD-CTR-01: the auditor marks a drawn form fine (checked) or
        failed with a note, which proposes it as a finding; a failed mark
        without a note is refused; once every line is checked the sample
        is done."""
        sample = self.make_sample()
        self.as_client(sample, self.auditor).action_draw()
        forms = sample.line_ids.filtered("has_form")
        self.assertTrue(forms)
        first = forms[0]
        with self.assertRaisesRegex(UserError, "check note"):
            self.as_client(first, self.auditor).action_mark_failed()
        self.assertEqual(first.state, "to_check")
        self.as_client(first, self.auditor).write({"note": "验收单缺客户盖章"})
        self.as_client(first, self.auditor).action_mark_failed()
        self.assertEqual(first.state, "failed")
        self.assertEqual(first.proposal_id.kind, "sample")
        self.assertIn("验收单缺客户盖章", first.proposal_id.description)
        self.assertEqual(first.checked_by_id, self.auditor)
        for line in forms[1:]:
            self.as_client(line, self.auditor).action_mark_checked()
            self.assertEqual(line.state, "checked")
            self.assertFalse(line.proposal_id)
        self.assertEqual(sample.state, "done")
        with self.assertRaises(UserError):
            self.as_client(first, self.auditor).action_mark_checked()

    def test_aud_ctr_01_seed_reproduces_the_draw(self):
        """AUD-CTR-01: random.Random(seed) on the logged population draws the
        same records in the same order: the draw can be reproduced."""
        sample = self.make_sample(sample_size=2)
        self.as_client(sample, self.auditor).action_draw()
        drawn = [(line.res_model, line.res_id) for line in sample.line_ids]
        self.assertEqual(len(drawn), 2)
        population = sample._scm_population()
        self.assertEqual(sample._scm_digest(population), sample.population_digest)
        again = random.Random(sample.seed).sample(population, 2)
        self.assertEqual([(item["res_model"], item["res_id"]) for item in again], drawn)
        self.assertEqual(sample._scm_redraw(), (drawn, sample.population_digest))

    def test_aud_ctr_01_redraw_refused_and_drawn_sample_kept(self):
        """AUD-CTR-01: a sample is drawn once: drawing again, changing its
        size or deleting it is refused and the seed stays."""
        sample = self.make_sample(sample_size=1)
        client = self.as_client(sample, self.auditor)
        client.action_draw()
        seed, lines = sample.seed, sample.line_ids
        with self.assertRaisesRegex(UserError, "not drawn again"):
            client.action_draw()
        with self.assertRaises(UserError):
            client.write({"sample_size": 5})
        with self.assertRaises(UserError):
            client.unlink()
        self.assertEqual((sample.seed, sample.line_ids), (seed, lines))

    def test_aud_ctr_01_branch_and_period_limit_the_population(self):
        """AUD-CTR-01: a branch and a period limit what is drawn; nothing to
        draw is said clearly and nothing is written."""
        sample = self.make_sample(company_id=self.beijing.id)
        self.as_client(sample, self.auditor).action_draw()
        self.assertTrue(sample.line_ids)
        self.assertEqual(sample.line_ids.company_id, self.beijing)
        empty = self.make_sample(
            date_from=self.today + timedelta(days=400),
            date_to=self.today + timedelta(days=430),
        )
        with self.assertRaisesRegex(UserError, "No signed stage acceptance form"):
            self.as_client(empty, self.auditor).action_draw()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.seed or empty.line_ids)

    def test_aud_ctr_01_same_stage_in_two_samples_is_one_fact(self):
        """AUD-CTR-01: a stage drawn without its form in two samples is one
        proposal: the same fact is never proposed twice."""
        first = self.make_sample()
        second = self.make_sample()
        self.as_client(first, self.auditor).action_draw()
        self.as_client(second, self.auditor).action_draw()
        one = self.line_of(first, self.due_project).proposal_id
        self.assertTrue(one)
        self.assertEqual(self.line_of(second, self.due_project).proposal_id, one)
        self.assertEqual(
            self.Proposal.sudo().search_count([("fact_key", "=", one.fact_key)]), 1
        )

    def test_aud_ctr_01_only_audit_and_supervision_draw(self):
        """AUD-CTR-01: only the Audit Dept and the Supervision Center make,
        draw and check samples (others refused, also with a forged context);
        the President reads them."""
        for user in (
            self.wh_manager,
            self.wh_consultant,
            self.bj_manager,
            self.president,
        ):
            with self.assertRaises(UserError):
                self.make_sample(user)
            with self.assertRaises(UserError):
                self.Sample.with_env(client_env(self.env, user)).create(
                    {"sample_size": 1}
                )
        sample = self.make_sample()
        for user in (self.president, self.wh_manager):
            with self.assertRaises(UserError):
                sample.with_env(client_env(self.env, user)).action_draw()
        self.assertEqual(sample.state, "draft")
        self.as_client(sample, self.sc_manager).action_draw()
        self.assertEqual(self.as_client(sample, self.president).state, "drawn")
        line = sample.line_ids.filtered(lambda line: line.state == "to_check")[:1]
        if line:
            with self.assertRaises(UserError):
                line.with_env(
                    client_env(self.env, self.president)
                ).action_mark_checked()
            with self.assertRaises(UserError):
                line.with_env(client_env(self.env, self.president)).write({"note": "x"})
        with self.assertRaises(UserError):
            self.as_client(sample, self.wh_manager).read(["seed"])
