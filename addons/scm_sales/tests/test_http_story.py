from odoo import fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.common import china_today
from odoo.addons.scm_base.tests.jsonrpc import JsonRpcStoryCase

from .test_proposal import PANEL, SECTIONS


@tagged("post_install", "-at_install")
class TestSalesStoryThroughTheWeb(JsonRpcStoryCase):
    """The issue's acceptance run through the web client's JSON-RPC, each
    step in the acting user's own login session."""

    def customer(self, name, state_xmlid):
        return {
            "name": name,
            "is_company": True,
            "scm_is_customer": True,
            "state_id": self.env.ref(state_xmlid).id,
            "scm_source_channel": "exhibition",
            "scm_collected_date": fields.Date.to_string(china_today()),
            "scm_customer_class": "potential",
        }

    def test_sal_terr_01_sal_prop_07_story_in_each_login(self):
        """SAL-TERR-01, SAL-PROP-03/04/07, ORG-RULE-09: wh.consultant records a
        Hubei customer and is refused a Jiangsu one; the proposal goes through
        MSD and the panel in their own logins; one rejection ends the round;
        the revision passes; the overdue report is readable by audit."""
        customer_id = self.call(
            "wh.consultant",
            "res.partner",
            "create",
            [self.customer("武汉网测服饰", "base.state_cn_HB")],
        )
        message = self.call(
            "wh.consultant",
            "res.partner",
            "create",
            [self.customer("无锡网测服饰", "base.state_cn_JS")],
            expect_error=True,
        )
        self.assertIn("无锡", message)
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "无锡网测服饰")])
        )
        consultant = self.env.ref("scm_base.user_wh_consultant")
        proposal_id = self.call(
            "wh.consultant",
            "scm.sales.proposal",
            "create",
            [
                {
                    "title": "网测服饰 SCMS 企业管理改造项目",
                    "company_id": consultant.company_id.id,
                    "partner_id": customer_id,
                    "consultant_id": consultant.id,
                    **SECTIONS,
                }
            ],
        )
        for method in ("action_branch_sign", "action_scm_submit"):
            self.call("wh.manager", "scm.sales.proposal", method, [[proposal_id]])
        self.call(
            "bj.manager",
            "scm.sales.proposal",
            "read",
            [[proposal_id], ["stage"]],
            expect_error=True,
        )
        self.call(
            "msd.manager",
            "scm.sales.proposal",
            "action_scm_give_opinion",
            [[proposal_id], "approve", "客户需求清楚，同意进入评审"],
        )
        self.call(
            "qc.manager",
            "scm.sales.proposal",
            "action_scm_give_opinion",
            [[proposal_id], "reject", "请补充验收标准"],
        )
        proposal = self.env["scm.sales.proposal"].browse(proposal_id)
        self.assertEqual(proposal.stage, "revision")
        self.call(
            "wh.consultant",
            "scm.sales.proposal",
            "write",
            [[proposal_id], {"implementation_time": "分两期验收，约4个月"}],
        )
        for method in ("action_branch_sign", "action_scm_submit"):
            self.call("wh.manager", "scm.sales.proposal", method, [[proposal_id]])
        for login in PANEL:
            self.call(
                login,
                "scm.sales.proposal",
                "action_scm_give_opinion",
                [[proposal_id], "approve", "同意"],
            )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(proposal.scm_approval_version, 2)
        deadlines = self.call(
            "audit.staff",
            "scm.deadline",
            "search_read",
            [[("res_model", "=", "scm.sales.proposal"), ("res_id", "=", proposal_id)]],
            {"fields": ["rule_code", "user_id", "state"]},
        )
        owners = {d["user_id"][1] for d in deadlines}
        self.assertIn(self.env.ref("scm_base.user_qc_manager").name, owners)
