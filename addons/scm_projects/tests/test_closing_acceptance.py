from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .closing_common import ScmClosingCase


@tagged("post_install", "-at_install")
class TestClosingAcceptance(ScmClosingCase):
    """《项目实施验收单》: PRJ-SC-07, PRJ-SC-08, PRJ-TRK-08."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.closing_project()

    def test_prj_sc_07_acceptance_blocked_before_runin_end(self):
        """PRJ-SC-07: acceptance is blocked before the run-in end."""
        with self.assertRaisesRegex(UserError, "Run-in"):
            self.new_acceptance(self.project)
        # In the run-in, but it ends in a month.
        self.end_runin(self.project, months_ago=2)
        self.assertFalse(self.project._scm_runin_ended())
        with self.assertRaisesRegex(UserError, "PRJ-SC-07"):
            self.new_acceptance(self.project)
        self.end_runin(self.project)
        acceptance = self.new_acceptance(self.project)
        self.assertTrue(acceptance.name.startswith("PA-"))
        self.assertEqual(acceptance.prepared_by_id, self.wh_manager)

    def test_prj_sc_08_without_customer_signature_nothing_moves(self):
        """PRJ-SC-08: acceptance requires the customer signature: an unsigned
        form moves neither the project, the contract nor the payments."""
        self.end_runin(self.project)
        acceptance = self.new_acceptance(self.project)
        contract = self.project.scm_contract_id
        self.assertEqual(acceptance.state, "draft")
        self.assertEqual(self.project.scm_phase, "runin")
        self.assertEqual(contract.stage, "effective")
        self.assertFalse(acceptance.scm_distribution_ids)
        self.assertFalse(self.milestone(self.project, "acceptance").due_date)
        with self.assertRaisesRegex(UserError, "signatory"):
            acceptance._scm_record_customer_signature(" ", self.today())
        self.assertEqual(self.project.scm_phase, "runin")

    def test_prj_sc_08_signature_accepts_and_files_copies(self):
        """PRJ-SC-08, PRJ-TRK-08: the customer's signature sets the contract to
        paid_service, the project to accepted, creates the copy lines to MCD,
        Finance, Audit, MSD and Supervision, and each acceptance milestone
        gets its payment-due date."""
        self.end_runin(self.project)
        acceptance = self.accept(self.project)
        contract = self.project.scm_contract_id
        self.assertEqual(acceptance.state, "signed")
        self.assertEqual(self.project.scm_phase, "accepted")
        self.assertEqual(self.project.scm_acceptance_date, self.today())
        self.assertEqual(contract.stage, "paid_service")
        self.assertIn("PRJ-SC-08", contract.message_ids[:3].mapped("body")[0])
        self.assertEqual(
            acceptance.scm_distribution_ids.recipient_department_id,
            self.unit["mcd"]
            | self.unit["finance"]
            | self.unit["audit"]
            | self.unit["msd"]
            | self.unit["supervision_center"],
        )
        self.assertEqual(len(acceptance.scm_distribution_ids), 5)
        # Each acceptance milestone has its payment-due date; the run-in
        # payment falls due at the run-in's end.
        self.assertEqual(
            self.milestone(self.project, "acceptance").due_date, self.today()
        )
        self.assertEqual(
            self.milestone(self.project, "runin_end").due_date,
            self.project.scm_runin_end,
        )
        self.assertTrue(self.milestone(self.project, "runin_end").overdue)
        # Odoo's project milestones follow the contract's payments.
        milestones = self.project.milestone_ids
        self.assertEqual(milestones.scm_contract_milestone_id, contract.milestone_ids)
        reached = milestones.filtered("is_reached").scm_contract_milestone_id
        self.assertEqual(reached, contract.milestone_ids)
        acceptance_stage = milestones.filtered(
            lambda m: m.scm_contract_milestone_id.trigger == "acceptance"
        )
        self.assertEqual(acceptance_stage.deadline, self.today())
        # Signed once.
        with self.assertRaisesRegex(UserError, "already signed"):
            acceptance._scm_record_customer_signature("张总经理", self.today())
        with self.assertRaises(UserError):
            acceptance.write({"scope": "改"})

    def test_prj_sc_08_project_milestones_at_creation(self):
        """PRJ-TRK-08: a new project has one milestone per contract payment;
        the payment on signature is reached at once."""
        self.assertEqual(len(self.project.milestone_ids), 3)
        self.assertEqual(
            self.project.milestone_ids.filtered("is_reached").scm_contract_milestone_id,
            self.milestone(self.project, "signature"),
        )

    def test_prj_sc_08_contract_buttons_refused_with_a_project(self):
        """PRJ-SC-08: the contract's own acceptance buttons do not move a
        contract delivered as a project."""
        contract = self.project.scm_contract_id
        contract.sudo()._scm_write({"stage": "in_execution"})
        self.project._scm_step_write({"scm_initiated_date": self.today()})
        mcd_contract = contract.with_user(self.mcd_manager)
        with self.assertRaisesRegex(UserError, "acceptance form"):
            mcd_contract.action_mark_implementation_accepted()
        contract.sudo()._scm_write({"stage": "accepted"})
        with self.assertRaisesRegex(UserError, "acceptance form"):
            mcd_contract.action_start_paid_service()
        self.assertEqual(contract.stage, "accepted")
        # A contract without a project keeps its own buttons.
        brand = (
            self.env["scm.contract"]
            .sudo()
            .create(
                {
                    "title": "品牌合同",
                    "contract_type": "brand",
                    "company_id": self.wuhan.id,
                    "partner_id": self.chufeng.id,
                    "amount": 80000,
                }
            )
        )
        brand._scm_write({"stage": "in_execution"})
        self.assertFalse(brand.scm_project_id)
        brand.with_user(self.mcd_manager).action_mark_implementation_accepted()
        self.assertEqual(brand.stage, "accepted")

    def test_prj_sc_08_security(self):
        """Beijing sees nothing; a branch user outside the team neither prepares
        the form nor records the customer's signature; HQ reads; a forged
        context presets nothing."""
        self.end_runin(self.project)
        acceptance = self.new_acceptance(self.project)
        with self.assertRaises(AccessError):
            self.as_client(acceptance, self.bj_manager).read(["name"])
        with self.assertRaises(UserError):
            self.as_client(self.Acceptance, self.bj_manager).create(
                {"project_id": self.project.id}
            )
        with self.assertRaisesRegex(UserError, "project team"):
            self.as_client(
                acceptance, self.wh_consultant
            )._scm_record_customer_signature("张总经理", self.today())
        with self.assertRaisesRegex(UserError, "project team"):
            self.as_client(acceptance, self.wh_consultant).write({"scope": "x"})
        for user in (self.auditor, self.finance, self.msd_manager):
            self.assertEqual(self.as_client(acceptance, user).name, acceptance.name)
        # Step fields are not written directly, nor preset by the context.
        with self.assertRaises(UserError):
            self.as_client(acceptance, self.wh_manager).write(
                {"customer_signed_date": self.today()}
            )
        project2 = self.end_runin(self.closing_project(title="楚风 二期"))
        forged = (
            self.as_client(self.Acceptance, self.wh_manager)
            .with_context(
                default_customer_signed_date=self.today(),
                default_customer_signatory="伪造",
                default_name="X-1",
            )
            .create({"project_id": project2.id})
        )
        self.assertFalse(forged.customer_signed_date)
        self.assertNotEqual(forged.name, "X-1")
        self.assertEqual(project2.scm_phase, "runin")
        # The wizard records the signature as the user, through the same checks.
        wizard = self.as_client(self.env["scm.project.customer.sign"], self.wh_manager)
        wizard.create(
            {
                "res_model": forged._name,
                "res_id": forged.id,
                "signatory": "张总经理",
                "signed_date": self.today(),
            }
        ).action_confirm()
        self.assertEqual(project2.scm_phase, "accepted")

    def test_prj_sc_08_one_acceptance_per_project(self):
        """A project has one implementation acceptance form."""
        self.end_runin(self.project)
        self.new_acceptance(self.project)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.new_acceptance(self.project)
