from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .closing_common import ScmClosingCase


@tagged("post_install", "-at_install")
class TestClosingHandover(ScmClosingCase):
    """Handover to customer service: PRJ-HAND-01, PRJ-HAND-02, PRJ-HAND-03."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.closing_project()

    def test_prj_hand_03_not_before_initialisation(self):
        """PRJ-HAND-03: the archive is handed over once the initialisation
        data is entered (from the run-in on)."""
        with self.assertRaisesRegex(UserError, "Run-in"):
            self.as_client(self.Handover, self.wh_manager).create(
                {"project_id": self.project.id}
            )
        self.end_runin(self.project, months_ago=1)
        handover = self.as_client(self.Handover, self.wh_manager).create(
            {"project_id": self.project.id}
        )
        self.assertTrue(handover.name.startswith("HO-"))

    def test_prj_hand_03_items_and_both_signatures(self):
        """PRJ-HAND-03, SUP-SVCN-02: the handover form lists the archive items
        with checkboxes and requires signatures of both sides; the project
        cannot be closed without it."""
        self.end_runin(self.project, months_ago=1)
        blockers = self.project._scm_closing_blockers()
        self.assertIn("The Customer Service Handover Form is missing.", blockers)
        handover = self.as_client(self.Handover, self.wh_manager).create(
            {"project_id": self.project.id}
        )
        self.assertIn("Element documents", handover.line_ids.mapped("name"))
        self.assertIn("Training plan sheet", handover.line_ids.mapped("name"))
        self.assertIn("Operation assessment record", handover.line_ids.mapped("name"))
        with self.assertRaisesRegex(UserError, "Tick every archive item"):
            handover.action_sign_implementation()
        with self.assertRaisesRegex(UserError, "project team"):
            self.as_client(handover.line_ids, self.wh_consultant).write(
                {"handed_over": True}
            )
        with self.assertRaises(UserError):
            handover.line_ids[:1].unlink()
        handover.line_ids.write({"handed_over": True})
        # A branch user outside the team and without the service role signs
        # neither side.
        with self.assertRaisesRegex(UserError, "may not sign"):
            self.as_client(handover, self.wh_consultant).action_sign_implementation()
        with self.assertRaisesRegex(UserError, "may not sign"):
            self.as_client(handover, self.wh_consultant).action_sign_service()
        handover.action_sign_implementation()
        self.assertEqual(handover.state, "signing")
        self.assertIn(
            "The Customer Service Handover Form is not signed by both sides.",
            self.project._scm_closing_blockers(),
        )
        # Items are frozen once signing started.
        with self.assertRaisesRegex(UserError, "being signed"):
            handover.line_ids[:1].write({"handed_over": False})
        # The same person does not sign for both sides.
        with self.assertRaisesRegex(UserError, "both sides"):
            handover.action_sign_service()
        # Beijing's service staff sees nothing of it.
        with self.assertRaises(AccessError):
            self.as_client(handover, self.bj_service).action_sign_service()
        self.as_client(handover, self.wh_service).action_sign_service()
        self.assertEqual(handover.state, "done")
        self.assertTrue(handover.scm_signatures_complete)
        self.assertEqual(
            handover.scm_signature_ids.filtered(
                lambda s: s.slot == "service"
            ).signer_id,
            self.wh_service,
        )
        blockers = self.project._scm_closing_blockers()
        self.assertFalse([b for b in blockers if "Handover" in b])

    def test_prj_hand_03_team_member_signs_for_implementation(self):
        """PRJ-HAND-03: a member of the project team signs for the
        implementation side."""
        self.end_runin(self.project, months_ago=1)
        self.env["scm.project.member"].sudo().create(
            {
                "project_id": self.project.id,
                "side": "aa",
                "role": "consultant",
                "user_id": self.wh_consultant.id,
            }
        )
        handover = self.as_client(self.Handover, self.wh_consultant).create(
            {"project_id": self.project.id}
        )
        handover.line_ids.write({"handed_over": True})
        handover.action_sign_implementation()
        # The branch manager signs for customer service.
        self.as_client(handover, self.wh_manager).action_sign_service()
        self.assertTrue(handover.scm_signatures_complete)

    def test_prj_hand_01_service_after_the_runin(self):
        """PRJ-HAND-01: on the run-in end date the project's service owner
        switches to the branch service team; the accepted project moves to
        the customer-service phase."""
        self.end_runin(self.project, months_ago=1)
        self.assertEqual(self.project.scm_service_phase, "implementation")
        self.assertEqual(self.project.scm_service_owner_id, self.project.user_id)
        self.assertEqual(self.project.scm_service_user_id, self.wh_manager)
        # The branch manager names a service staff member of the branch.
        with self.assertRaisesRegex(UserError, "branch manager or MCD"):
            self.as_client(self.project, self.wh_consultant).write(
                {"scm_service_user_id": self.wh_consultant.id}
            )
        with self.assertRaisesRegex(UserError, "branch's users"):
            self.as_client(self.project, self.wh_manager).write(
                {"scm_service_user_id": self.bj_service.id}
            )
        self.as_client(self.project, self.wh_manager).write(
            {"scm_service_user_id": self.wh_service.id}
        )
        # The run-in ended: the service owner serves; the cron moves the
        # accepted project to customer service.
        self.end_runin(self.project)
        self.project.invalidate_recordset()
        self.assertEqual(self.project.scm_service_phase, "service")
        self.assertEqual(self.project.scm_service_owner_id, self.wh_service)
        self.assertFalse(self.Project._cron_scm_service_handover())
        self.accept(self.project)
        self.assertEqual(self.project.scm_phase, "accepted")
        moved = self.Project._cron_scm_service_handover()
        self.assertEqual(moved, self.project)
        self.assertEqual(self.project.scm_phase, "service")
        self.assertIn(
            self.wh_service.partner_id, self.project.message_ids[0].partner_ids
        )
        # Run again, nothing moves twice.
        self.assertFalse(self.Project._cron_scm_service_handover())

    def test_prj_trk_08_dated_payment_milestone_reached_by_cron(self):
        """PRJ-TRK-08: a payment due on a date is reached when the date comes."""
        project = self.closing_project(
            title="按日期付款",
        )
        contract = project.scm_contract_id
        payment = (
            self.env["scm.contract.milestone"]
            .sudo()
            .create(
                {
                    "contract_id": contract.id,
                    "name": "进度款",
                    "amount": 1000,
                    "trigger": "date",
                    "due_date": self.today(),
                }
            )
        )
        project._scm_sync_payment_milestones()
        stage = project.milestone_ids.filtered(
            lambda m: m.scm_contract_milestone_id == payment
        )
        self.assertFalse(stage.is_reached)
        self.Project._cron_scm_service_handover()
        self.assertTrue(stage.is_reached)

    def test_prj_hand_02_service_contract_or_time_billed(self):
        """PRJ-HAND-02: service runs under the J or R contract in force for
        the customer; without one it is time-billed."""
        self.end_runin(self.project)
        self.accept(self.project)
        self.assertFalse(self.project.scm_service_contract_id)
        self.assertEqual(self.project.scm_service_billing, "time")
        service = (
            self.env["scm.contract"]
            .sudo()
            .create(
                {
                    "title": "楚风服饰 技术服务合同",
                    "contract_type": "tech_service",
                    "company_id": self.wuhan.id,
                    "partner_id": self.chufeng.id,
                    "amount": 39500,
                    "sc_contract_id": self.project.scm_contract_id.id,
                }
            )
        )
        service.write({"stage": "effective", "effective_date": self.today()})
        self.project.invalidate_recordset()
        self.assertEqual(self.project.scm_service_contract_id, service)
        self.assertEqual(self.project.scm_service_billing, "contract")
