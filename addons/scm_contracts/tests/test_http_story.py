from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase

from .common import next_number


@tagged("post_install", "-at_install")
class TestContractStoryThroughTheWeb(JsonRpcStoryCase):
    """The issue's acceptance run through the web client's JSON-RPC, each
    step in the acting user's own login session, on the demo database."""

    def decide(self, login, contract_id, comment):
        """The approve button opens the comment dialog, which is saved."""
        action = self.call(login, "scm.contract", "validate_tier", [[contract_id]])
        wizard_id = self.call(
            login,
            "comment.wizard",
            "create",
            [{"comment": comment}],
            {"context": action["context"]},
        )
        self.call(
            login,
            "comment.wizard",
            "add_comment",
            [[wizard_id]],
            {"context": action["context"]},
        )

    def test_issue_done_when_story(self):
        """CON-SC-01/02/04/05/06/10, CON-GEN-03, CON-NUM-02: wh.manager drafts
        the S&C contract from the accepted proposal; above 400,000 the
        President approves after mc.manager; the printed original is
        SCMSCWH-<year>001 with the signatures; the customer's signature makes
        it effective; copies and milestones are on the record."""
        proposal = self.env.ref("scm_sales.proposal_wh_chufeng")
        action = self.call(
            "wh.manager", "scm.sales.proposal", "action_open_contracts", [[proposal.id]]
        )
        contract_id = action["res_id"]
        self.assertEqual(
            contract_id, self.env.ref("scm_contracts.contract_wh_chufeng_sc").id
        )
        self.call(
            "wh.manager", "scm.contract", "write", [[contract_id], {"amount": 455000}]
        )
        lines = self.call(
            "wh.manager",
            "scm.contract.checklist.line",
            "search",
            [[("contract_id", "=", contract_id)]],
        )
        self.call(
            "wh.manager",
            "scm.contract",
            "write",
            [
                [contract_id],
                {
                    "milestone_ids": [
                        (5, 0, 0),
                        (
                            0,
                            0,
                            {
                                "name": "合同签订后付100%",
                                "amount": 455000,
                                "trigger": "signature",
                            },
                        ),
                    ],
                    "checklist_line_ids": [
                        (1, line, {"checked": True}) for line in lines
                    ],
                },
            ],
        )
        self.call("wh.manager", "scm.contract", "action_scm_submit", [[contract_id]])
        message = self.call(
            "wh.manager",
            "scm.contract",
            "validate_tier",
            [[contract_id]],
            expect_error=True,
        )
        self.assertTrue(message)
        self.decide("mc.manager", contract_id, "与建议书一致，同意。")
        message = self.call(
            "msd.manager",
            "scm.contract",
            "action_print_original",
            [[contract_id]],
            expect_error=True,
        )
        self.assertIn("CON-GEN-03", message)
        # SUP-KEY-01: the implementation scheme is countersigned first.
        message = self.call(
            "president",
            "scm.contract",
            "validate_tier",
            [[contract_id]],
            expect_error=True,
        )
        self.assertIn("SUP-KEY-01", message)
        pm = self.env.ref("scm_base.user_wh_consultant")
        scheme_id = self.call(
            "wh.consultant",
            "scm.contract.scheme",
            "create",
            [
                {
                    "contract_id": contract_id,
                    "title": "楚风服饰 SCMS 项目实施方案书",
                    "content": "<p>调研、要素法实施、分批上线与验收安排。</p>",
                    "pm_user_id": pm.id,
                }
            ],
        )
        for login, slot in (
            ("wh.consultant", "pm"),
            ("mcd.manager", "mcd"),
            ("mrd.manager", "mrd"),
            ("sw.manager", "software"),
            ("qc.manager", "qc"),
        ):
            self.call(
                login, "scm.contract.scheme", "action_scm_sign", [[scheme_id], slot]
            )
        self.decide("president", contract_id, "同意签订。")
        # The year's next Wuhan S&C number (other addons' demo may hold some).
        this_year = fields.Datetime.context_timestamp(
            self.env["scm.contract"].browse(contract_id), fields.Datetime.now()
        ).year
        expected = next_number(self.env, f"SCMSCWH-{this_year}")
        self.call(
            "msd.manager", "scm.contract", "action_print_original", [[contract_id]]
        )
        contract = self.env["scm.contract"].browse(contract_id)
        # Dates as the Wuhan manager sees them (China's today, not the server's).
        as_branch = contract.with_user(self.env.ref("scm_base.user_wh_manager"))
        self.assertEqual(contract.number, expected)
        today = fields.Date.to_string(fields.Date.context_today(as_branch))
        self.call(
            "finance.staff",
            "scm.contract",
            "_scm_register",
            [[contract_id], "CW-001", today],
            expect_error=True,
        )
        register = self.call(
            "finance.staff", "scm.contract", "action_open_register", [[contract_id]]
        )
        wizard_id = self.call(
            "finance.staff",
            "scm.contract.register",
            "create",
            [{"register_no": "CW-001", "seal_date": today}],
            {"context": register["context"]},
        )
        self.call(
            "finance.staff", "scm.contract.register", "action_confirm", [[wizard_id]]
        )
        self.call(
            "msd.manager", "scm.contract", "action_send_to_branch", [[contract_id]]
        )
        self.call(
            "bj.manager",
            "scm.contract",
            "action_sign_aa",
            [[contract_id]],
            expect_error=True,
        )
        self.call("wh.manager", "scm.contract", "action_sign_aa", [[contract_id]])
        sign = self.call(
            "wh.manager", "scm.contract", "action_open_customer_sign", [[contract_id]]
        )
        wizard_id = self.call(
            "wh.manager",
            "scm.contract.customer.sign",
            "create",
            [{"signatory": "刘建国（总经理）", "signed_date": today, "sealed": True}],
            {"context": sign["context"]},
        )
        self.call(
            "wh.manager", "scm.contract.customer.sign", "action_confirm", [[wizard_id]]
        )
        self.call(
            "msd.manager", "scm.contract", "action_receive_originals", [[contract_id]]
        )
        self.call(
            "msd.manager", "scm.contract", "action_scm_distribute", [[contract_id]]
        )
        contract.invalidate_recordset()
        self.assertEqual(contract.stage, "originals_returned")
        self.assertEqual(str(contract.effective_date), today)
        self.assertEqual(len(contract.scm_distribution_ids), 6)
        self.assertEqual(len(contract.milestone_ids), 1)
        self.authenticate("wh.manager", "wh.manager")
        response = self.url_open(
            f"/report/html/scm_contracts.report_scm_contract_sc/{contract_id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(expected, response.text)
        self.assertIn("吕武汉", response.text)
        self.assertIn("刘建国", response.text)
        report = self.env["ir.actions.report"]
        if report.get_wkhtmltopdf_state() == "ok":
            content, kind = report.with_context(
                force_report_rendering=True, lang="zh_CN"
            )._render_qweb_pdf(
                "scm_contracts.action_report_scm_contract_sc", [contract_id]
            )
            self.assertEqual(kind, "pdf")
            self.assertTrue(content.startswith(b"%PDF"))
        # Beijing cannot read it.
        self.call(
            "bj.manager",
            "scm.contract",
            "read",
            [[contract_id], ["title"]],
            expect_error=True,
        )
