from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import next_number


@tagged("post_install", "-at_install")
class TestScContractTours(HttpCase):
    """The S&C contract in the browser, each step in its user's own login
    with the company selection the web client gives after login (tours in
    static/tests/tours/scm_contracts_sc_tours.js)."""

    def test_con_sc_from_draft_to_effective_with_the_original_printed_by_msd(self):
        """CON-SC-01/02/05/06, CON-NUM-05, SUP-CTR-01: the demo 楚风 S&C draft
        is submitted by wh.manager with its core clauses ticked, approved by
        mc.manager, printed by msd.manager with only HQ active (the original
        opens with its number and the Wuhan customer), registered by
        finance.staff, sent to the branch by msd.manager, signed for AA by
        wh.manager, who records the customer's signature: it is effective."""
        contract = self.env.ref("scm_contracts.contract_wh_chufeng_sc")
        self.assertEqual(contract.stage, "draft")
        url = f"/odoo/action-scm_contracts.action_scm_contract/{contract.id}"
        self.start_tour(url, "scm_contracts_sc_branch_submits", login="wh.manager")
        self.assertTrue(all(contract.checklist_line_ids.mapped("checked")))
        self.assertEqual(contract.stage, "review")
        self.start_tour(url, "scm_contracts_sc_approver_approves", login="mc.manager")
        self.assertEqual(contract.stage, "approved")
        # The original opens as HTML, as without wkhtmltopdf: the tour does not
        # depend on the PDF converter being installed.
        report_model = type(self.env["ir.actions.report"])
        # The year's next Wuhan S&C number (other addons' demo may hold some).
        this_year = fields.Datetime.context_timestamp(
            contract, fields.Datetime.now()
        ).year
        expected = next_number(self.env, f"SCMSCWH-{this_year}")
        with patch.object(
            report_model, "get_wkhtmltopdf_state", lambda self: "install"
        ):
            self.start_tour(
                url, "scm_contracts_sc_msd_prints_original", login="msd.manager"
            )
        self.assertEqual(contract.number, expected)
        self.assertEqual(contract.printed_by_id.login, "msd.manager")
        self.start_tour(
            url, "scm_contracts_sc_finance_registers", login="finance.staff"
        )
        self.assertEqual(contract.register_no, "CW-TOUR-001")
        self.start_tour(
            url, "scm_contracts_sc_msd_sends_to_branch", login="msd.manager"
        )
        self.start_tour(
            url, "scm_contracts_sc_branch_signs_with_customer", login="wh.manager"
        )
        self.assertEqual(contract.stage, "effective")
        self.assertEqual(contract.customer_signatory, "刘建国（总经理）")
        self.assertTrue(contract.customer_sealed)
        # The number was issued once, to this contract.
        self.assertEqual(contract.number, expected)
