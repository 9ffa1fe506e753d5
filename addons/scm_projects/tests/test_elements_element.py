from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..models.elements_element import ELEMENT_TYPES
from .common_elements import ScmElementsCase


@tagged("post_install", "-at_install")
class TestElementsElement(ScmElementsCase):
    """Element documents of the elements method (PRJ-ELEM-02..09)."""

    # -- PRJ-ELEM-09 ---
    def test_prj_elem_09_exactly_eleven_elements(self):
        """PRJ-ELEM-09: the element-type selection has exactly the 11
        elements of the manual, in its order."""
        keys = [key for key, __ in self.Element._fields["element_type"].selection]
        self.assertEqual(
            keys,
            [
                "assessment",
                "process",
                "organisation",
                "responsibility",
                "master_data",
                "operation_norms",
                "conduct_norms",
                "pay_norms",
                "information_system",
                "training",
                "initialisation",
            ],
        )
        self.assertEqual(len(ELEMENT_TYPES), 11)

    def test_prj_elem_09_generate_one_document_per_selected_element(self):
        """PRJ-ELEM-09: the PM's wizard generates one document per selected
        element; an element the project already has is refused."""
        action = self.as_client(self.project, self.pm).action_scm_generate_elements()
        wizard_model = self.env[action["res_model"]].with_user(self.pm)
        with Form(wizard_model.with_context(**action["context"])) as form:
            self.assertEqual(len(form.line_ids), 11)
            form.author_id = self.wh_consultant
            for index in range(11):
                with form.line_ids.edit(index) as line:
                    line.selected = line.element_type in ("assessment", "process")
        result = form.record.action_generate()
        elements = self.Element.browse(result["domain"][0][2])
        self.assertEqual(
            sorted(elements.mapped("element_type")), ["assessment", "process"]
        )
        self.assertEqual(set(elements.mapped("version")), {1})
        self.assertEqual(elements.author_id, self.wh_consultant)
        self.assertEqual(elements.mapped("stage"), ["draft", "draft"])
        # The next wizard offers the 9 others only; a duplicate is refused.
        again = wizard_model.with_context(**action["context"]).default_get(
            ["line_ids", "project_id"]
        )
        self.assertEqual(len(again["line_ids"]), 9)
        with self.assertRaises(UserError):
            self.generate(("process",))
        with self.assertRaises(UserError):
            self.generate(("no_such_element",))
        with self.assertRaises(UserError):
            self.generate(())

    def test_prj_elem_drafted_only_in_elements_phase(self):
        """PRJ-RES-07 (kick-off area moves the project): element documents
        are drafted only in the elements phase."""
        self.project._scm_set_phase("research")
        with self.assertRaises(UserError):
            self.generate()
        with self.assertRaises(UserError):
            self.as_client(self.project, self.pm).action_scm_generate_elements()

    # -- PRJ-ELEM-03 ---
    def test_prj_elem_03_author_is_a_consultant_of_the_team(self):
        """PRJ-ELEM-03: the author is a team member with the consultant role,
        designated by the PM; nobody else generates the documents."""
        for author in (self.pm, self.qc_manager, self.users["bj.consultant"]):
            with self.subTest(author=author.login), self.assertRaises(ValidationError):
                self.generate(author=author)
        with self.assertRaises(UserError):
            self.as_client(self.Element, self.wh_consultant)._scm_generate(
                self.project, ["process"], self.wh_consultant
            )
        element = self.generate()
        with self.assertRaises(ValidationError):
            self.as_client(element, self.pm).write({"author_id": self.qc_manager.id})
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).write(
                {"author_id": self.wh_consultant.id}
            )
        # A consultant who leaves the team no longer writes.
        member = self.project.scm_member_ids.filtered(
            lambda m: m.user_id == self.wh_consultant
        )
        member.sudo().active = False
        with self.assertRaises(ValidationError):
            self.generate(("assessment",))

    # -- PRJ-ELEM-02 ---
    def test_prj_elem_02_consensus_before_pm_review(self):
        """PRJ-ELEM-02: an internal discussion with consensus reached is
        required before the PM's review; the PM records it."""
        element = self.generate()
        as_author = self.as_client(element, self.wh_consultant)
        as_author.write({"content": "<p>流程重组方案</p>"})
        with self.assertRaises(UserError):
            as_author.action_submit()
        # The consensus needs the discussion, and is the PM's to record.
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_record_consensus()
        as_author.write(
            {"discussion_date": self.today(), "discussion_notes": "达成一致"}
        )
        with self.assertRaises(UserError):
            as_author.action_record_consensus()
        self.as_client(element, self.pm).action_record_consensus()
        self.assertTrue(element.consensus_reached)
        self.assertEqual(element.consensus_recorded_by_id, self.pm)
        as_author.action_submit()
        self.assertEqual(element.stage, "pm_review")

    # -- PRJ-ELEM-04 ---
    def test_prj_elem_04_pm_then_mcd_review_due_dates(self):
        """PRJ-ELEM-04: transfer due = PM review + 1 WD (on the PM); MCD
        review due = receipt + 2 WD (on MCD's manager); only the PM and MCD
        take their steps."""
        element = self.to_stage(self.generate(), "pm_review")
        for user in (self.wh_consultant, self.mcd_manager, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(element, user).action_pm_approve()
        self.as_client(element, self.pm).action_pm_approve()
        transfer = self.deadline(element, "PRJ-ELEM-04.1")
        self.assertEqual(transfer.user_id, self.pm)
        self.assertEqual(transfer.state, "open")
        self.assertEqual(transfer.due_date, self.due(transfer, 1))
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_send_mcd()
        self.as_client(element, self.pm).action_send_mcd()
        self.assertEqual(transfer.state, "done")
        review = self.deadline(element, "PRJ-ELEM-04.2")
        self.assertEqual(review.user_id, self.mcd_manager)
        self.assertEqual(review.due_date, self.due(review, 2))
        for user in (self.pm, self.wh_consultant, self.tsms, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(element, user).action_mcd_approve()
        self.as_client(element, self.mcd_manager).action_mcd_approve()
        self.assertEqual(element.stage, "completed")
        self.assertEqual(review.state, "done")
        self.assertEqual(element.mcd_reviewer_id, self.mcd_manager)

    def test_prj_elem_04_returned_for_rework(self):
        """PRJ-ELEM-04: the PM or MCD returns the document with a reason; the
        author revises it and submits again."""
        element = self.to_stage(self.generate(), "pm_review")
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_return(" ")
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_return("不行")
        self.as_client(element, self.pm).action_return("流程图缺失")
        self.assertEqual(element.stage, "draft")
        self.assertEqual(element.return_reason, "流程图缺失")
        self.to_stage(element, "mcd_review")
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_return("自退")
        self.as_client(element, self.mcd_manager).action_return("指标不量化")
        self.assertEqual(element.stage, "draft")
        self.assertEqual(self.deadline(element, "PRJ-ELEM-04.2").state, "done")
        self.to_stage(element, "completed")

    def test_prj_res_06_phased_transition_blocks_mcd_approval(self):
        """PRJ-RES-06: while the kick-off area's hook says the transition
        plan of a phased project is missing, MCD approves no element
        document."""
        element = self.to_stage(self.generate(), "mcd_review")
        Project = type(self.env["project.project"])
        with (
            patch.object(
                Project,
                "_scm_phased_transition_missing",
                create=True,
                return_value=True,
            ),
            self.assertRaises(UserError),
        ):
            self.as_client(element, self.mcd_manager).action_mcd_approve()
        self.assertEqual(element.stage, "mcd_review")
        with patch.object(
            Project, "_scm_phased_transition_missing", create=True, return_value=False
        ):
            self.as_client(element, self.mcd_manager).action_mcd_approve()
        self.assertEqual(element.stage, "completed")

    # -- PRJ-ELEM-05 ---
    def test_prj_elem_05_delivery_and_meeting_due_and_flagged_late(self):
        """PRJ-ELEM-05: delivery due = completion + 2 WD, meeting due =
        delivery + 5 WD, both on the PM and flagged when late."""
        element = self.to_stage(self.generate(), "completed")
        delivery = self.deadline(element, "PRJ-ELEM-05.1")
        self.assertEqual(delivery.user_id, self.pm)
        self.assertEqual(delivery.due_date, self.due(delivery, 2))
        # Late: the due time has passed while still open.
        delivery.sudo().due_date = self.Workday.compute_due(
            "working_days", 0, delivery.start_date.replace(year=2025)
        )
        element.invalidate_recordset(["scm_deadline_overdue"])
        self.assertTrue(element.scm_deadline_overdue)
        self.assertIn(
            element,
            self.Element.search([("scm_deadline_overdue", "=", True)]),
        )
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_deliver()
        self.as_client(element, self.pm).action_deliver()
        self.assertTrue(delivery.done_late)
        self.assertTrue(delivery.is_overdue)
        meeting = self.deadline(element, "PRJ-ELEM-05.2")
        self.assertEqual(meeting.user_id, self.pm)
        self.assertEqual(meeting.due_date, self.due(meeting, 5))
        # A meeting in the future is refused; then the customer confirms.
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_customer_confirm("2099-01-01")
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_customer_confirm()
        self.as_client(element, self.pm).action_customer_confirm()
        self.assertEqual(element.stage, "confirmed")
        self.assertEqual(meeting.state, "done")
        self.assertFalse(meeting.done_late)

    # -- PRJ-ELEM-06 ---
    def test_prj_elem_06_objection_makes_version_2(self):
        """PRJ-ELEM-06: a customer objection needs the meeting minutes; the
        document is kept read-only and version 2 goes through the PM/MCD
        reviews and the delivery again."""
        element = self.to_stage(self.generate(), "delivered")
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_customer_object("  ")
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_customer_object(
                "会谈纪要"
            )
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.pm)
            .create({"name": "会谈纪要.pdf", "raw": b"%PDF-1.4 minutes"})
        )
        action = self.as_client(element, self.pm).action_open_objection()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.pm)
            .with_context(**action["context"])
            .create(
                {
                    "minutes": "实施会议：客户要求保留财务复核环节。",
                    "attachment_ids": [(6, 0, attachment.ids)],
                }
            )
        )
        result = wizard.action_confirm()
        v2 = self.Element.browse(result["res_id"])
        self.assertEqual(element.stage, "superseded")
        self.assertEqual(element.next_version_id, v2)
        self.assertIn("财务复核", element.objection_minutes)
        self.assertEqual(element.objection_attachment_ids, attachment)
        self.assertEqual(self.deadline(element, "PRJ-ELEM-05.2").state, "done")
        self.assertEqual(v2.version, 2)
        self.assertEqual(v2.previous_id, element)
        self.assertEqual(v2.stage, "draft")
        self.assertEqual(v2.element_type, element.element_type)
        self.assertEqual(v2.author_id, self.wh_consultant)
        self.assertEqual(v2.content, element.content)
        # The old version is kept as it was.
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).write({"content": "<p>改</p>"})
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).unlink()
        # Version 2 goes through the reviews (new deadlines) and delivery.
        self.as_client(v2, self.wh_consultant).write({"content": "<p>修订版</p>"})
        self.to_stage(v2, "delivered")
        self.assertEqual(len(self.deadline(v2, "PRJ-ELEM-04.2")), 1)
        self.to_stage(v2, "confirmed")
        self.assertEqual(self.project._scm_element_documents(element.element_type), v2)
        # One document per element and version.
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            v2.sudo().copy({"version": 2})

    # -- PRJ-ELEM-08 ---
    def test_prj_elem_08_signatures_acceptance_sheet_and_efiling(self):
        """PRJ-ELEM-08: both PMs sign, both signatories sign for the document
        on the acceptance sheet, and the e-filing with HQ MCD is due at
        signing + 2 WD (on the PM)."""
        element = self.to_stage(self.generate(), "confirmed")
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_efile()
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_sign_pm()
        self.as_client(element, self.pm).action_sign_pm()
        self.assertEqual(element.stage, "confirmed")
        self.assertFalse(self.deadline(element, "PRJ-ELEM-08"))
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_open_customer_sign()
        action = self.as_client(element, self.pm).action_open_customer_sign()
        self.env[action["res_model"]].with_user(self.pm).with_context(
            **action["context"]
        ).create({"signatory": "楚风 刘经理"}).action_confirm()
        self.assertEqual(element.stage, "signed")
        self.assertEqual(element.signed_date, self.today())
        filing = self.deadline(element, "PRJ-ELEM-08")
        self.assertEqual(filing.user_id, self.pm)
        self.assertEqual(filing.due_date, self.due(filing, 2))
        # The acceptance-sheet line comes before the filing.
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_efile()
        with self.assertRaises(UserError):
            self.as_client(element, self.pm).action_record_receipt("")
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).action_record_receipt("刘")
        self.as_client(element, self.pm).action_record_receipt("楚风 刘经理")
        self.assertEqual(element.receipt_aa_user_id, self.pm)
        self.assertEqual(element.receipt_date, self.today())
        with self.assertRaises(UserError):
            self.as_client(element, self.mcd_manager).action_efile()
        self.as_client(element, self.pm).action_efile()
        self.assertEqual(element.stage, "filed")
        self.assertEqual(element.mcd_receiver_id, self.mcd_manager)
        self.assertEqual(filing.state, "done")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "scm_projects.report_scm_project_element", element.ids
        )[0]
        self.assertIn("楚风 刘经理", html.decode())
        self.assertIn("Acceptance Sheet", html.decode())

    # -- security ---
    def test_prj_elem_sec_who_sees_and_changes(self):
        """Beijing sees nothing; the auditor and Finance read and change
        nothing; the branch, team and MCD read."""
        element = self.to_stage(self.generate(), "pm_review")
        for user in (self.bj_manager, self.users["bj.consultant"]):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.as_client(element, user).read(["name"])
        for user in (
            self.wh_manager,
            self.wh_consultant,
            self.mcd_manager,
            self.auditor,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.as_client(self.Element, user).search(
                        [("id", "=", element.id)]
                    ),
                    element,
                )
        for user in (self.auditor, self.finance):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    self.as_client(element, user).write({"name": "改"})
                with self.assertRaises(UserError):
                    self.as_client(element, user).action_pm_approve()
                with self.assertRaises(UserError):
                    self.as_client(self.Element, user)._scm_generate(
                        self.project, ["assessment"], self.wh_consultant
                    )

    def test_prj_elem_sec_step_fields_and_forged_context(self):
        """Stage, version, reviews and signatures are written by the steps
        only, whatever the client sends."""
        element = self.generate()
        as_pm = self.as_client(element, self.pm)
        for vals in (
            {"stage": "filed"},
            {"version": 5},
            {"consensus_reached": True},
            {"mcd_reviewer_id": self.pm.id},
            {"customer_signed_date": "2026-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                as_pm.write(vals)
        with self.assertRaises(UserError):
            self.as_client(self.Element, self.pm).create(
                {
                    "project_id": self.project.id,
                    "element_type": "assessment",
                    "author_id": self.wh_consultant.id,
                    "stage": "confirmed",
                }
            )
        forged = (
            self.as_client(self.Element, self.pm)
            .with_context(default_stage="filed", default_consensus_reached=True)
            .create(
                {
                    "project_id": self.project.id,
                    "element_type": "assessment",
                    "author_id": self.wh_consultant.id,
                }
            )
        )
        self.assertEqual(forged.stage, "draft")
        self.assertFalse(forged.consensus_reached)
        self.assertEqual(forged.name, "Management Assessment")

    def test_prj_elem_closed_project_freezes_documents(self):
        """SUP-EPM-02: documents of a closed project no longer change."""
        element = self.generate()
        self.project._scm_set_phase("closed")
        with self.assertRaises(UserError):
            self.as_client(element, self.wh_consultant).write({"content": "<p>x</p>"})

    def test_prj_elem_08_unfiled_documents_block_closing(self):
        """PRJ-ELEM-08: the project's closing waits for its element
        documents to be filed with HQ MCD."""

        def element_blockers():
            # The other documents closing waits for are their areas' tests.
            return [b for b in self.project._scm_closing_blockers() if "Element" in b]

        self.assertFalse(element_blockers())
        element = self.generate()
        self.assertEqual(len(element_blockers()), 1)
        self.to_stage(element, "signed")
        self.as_client(element, self.pm).action_record_receipt("楚风 刘经理")
        self.as_client(element, self.pm).action_efile()
        self.assertFalse(element_blockers())

    def test_prj_elem_forms_open_for_author_and_pm(self):
        """The element form: the author writes the document, the PM reads
        the project's element documents from the project."""
        element = self.generate()
        with Form(self.as_client(element, self.wh_consultant)) as form:
            form.content = "<p>组织机构调整方案</p>"
            form.discussion_notes = "讨论结论"
        self.assertIn("组织机构调整方案", element.content)
        action = self.as_client(self.project, self.pm).action_scm_open_elements()
        self.assertEqual(
            self.Element.with_user(self.pm).search(action["domain"]), element
        )
        self.assertEqual(self.project.scm_element_count, 1)
