from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ScmContractsCase, next_number


@tagged("post_install", "-at_install")
class TestPrintWithTheSwitcherAsItOpens(ScmContractsCase):
    """Issue 9: after login the web client activates only the user's default
    company. An HQ user prints a branch's original without ticking the
    branch in the company switcher, and a number is never used up by an
    original that cannot be rendered."""

    def as_web_client(self, record, user):
        """`record` as `user` with the companies the web client activates
        after login: the user's default company only."""
        return record.with_user(user).with_context(
            allowed_company_ids=[user.company_id.id], lang="zh_CN"
        )

    def approved_wuhan_original(self):
        contract = self.env.ref("scm_contracts.contract_wh_chufeng_sc")
        self.assertEqual(contract.company_id, self.wuhan)
        self.assertEqual(self.msd_manager.company_id, self.hq)
        self.submit(contract, self.wh_manager)
        self.approve(contract, self.mc_manager, "与建议书一致，同意。")
        self.assertEqual(contract.stage, "approved")
        return contract

    def test_con_sc_05_msd_prints_the_wuhan_original_with_hq_active(self):
        """CON-SC-05, CON-NUM-05: msd.manager, HQ alone active, prints the
        Wuhan 楚风 original: it renders for him with its number."""
        contract = self.approved_wuhan_original()
        # The year's next Wuhan S&C number (other addons' demo may hold some).
        this_year = fields.Datetime.context_timestamp(
            contract, fields.Datetime.now()
        ).year
        expected = next_number(self.env, f"SCMSCWH-{this_year}")
        self.as_web_client(contract, self.msd_manager).action_print_original()
        self.assertEqual(contract.number, expected)
        report = contract._scm_final_report()
        html, _type = self.as_web_client(
            self.env["ir.actions.report"], self.msd_manager
        )._render_qweb_html(report.report_name, contract.ids)
        html = html.decode()
        self.assertIn(contract.number, html)
        self.assertIn(self.chufeng.name, html)
        # Printed again later, still from HQ alone.
        action = self.as_web_client(contract, self.msd_manager).action_print()
        self.assertEqual(action["report_name"], report.report_name)

    def test_con_num_05_no_number_used_up_when_the_original_cannot_render(self):
        """CON-NUM-05/07: the number is issued in the transaction that
        renders the original: when rendering fails, nothing is issued."""
        contract = self.approved_wuhan_original()
        issued_before = self.env["scm.numbering.issue"].sudo().search_count([])
        report = contract._scm_final_report()
        report_model = type(self.env[f"report.{report.report_name}"])

        def cannot_render(*args, **kwargs):
            # A test's own failure, never shown to a user.
            raise AccessError("the original cannot be read")  # pylint: disable=translation-required

        with (
            patch.object(report_model, "_get_report_values", cannot_render),
            self.assertRaises(AccessError),
            self.env.cr.savepoint(),
        ):
            self.as_web_client(contract, self.msd_manager).action_print_original()
        self.env.invalidate_all()
        self.assertFalse(contract.number)
        self.assertEqual(contract.stage, "approved")
        self.assertEqual(
            self.env["scm.numbering.issue"].sudo().search_count([]), issued_before
        )
