from odoo.addons.scm_sales.tests.common import ScmSalesCase


class ScmCancelkeyCase(ScmSalesCase):
    """A Wuhan S&C contract drafted from the accepted demo proposal, and the
    steps that take it to approval and numbering."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in ("mrd.manager",):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.proposal = ref("scm_sales.proposal_wh_chufeng")
        cls.Cancellation = cls.env["scm.contract.cancellation"]
        cls.Scheme = cls.env["scm.contract.scheme"]

    def draft_contract(self, **vals):
        """The S&C draft the Branch Manager completes (CON-SC-01)."""
        manager = self.users["wh.manager"]
        contract = self.proposal.with_user(manager)._scm_draft_sc_contract()
        values = {
            "free_modification": "provided",
            "runin_months": 3,
            "post_runin_charging": "磨合期后按年收取服务费。",
        }
        values.update(vals)
        contract.with_user(manager).write(values)
        contract.checklist_line_ids.with_user(manager).write({"checked": True})
        return contract

    def submit(self, contract):
        contract.with_user(self.users["wh.manager"]).action_scm_submit()

    def approved_contract(self, **vals):
        contract = self.draft_contract(**vals)
        self.submit(contract)
        self.approve(contract, self.users["mc.manager"])
        return contract

    def numbered_contract(self):
        contract = self.approved_contract()
        self.assertEqual(contract.stage, "approved")
        contract.with_user(self.users["msd.manager"]).action_print_original()
        self.assertTrue(contract.number)
        return contract

    def request_cancellation(self, contract, user=None, **vals):
        values = {
            "contract_id": contract.id,
            "reason_type": "virtual_cancelled",
            "reason": "客户取消虚拟合同，项目不再执行。",
        }
        values.update(vals)
        return self.Cancellation.with_user(user or self.users["wh.manager"]).create(
            values
        )

    def approved_cancellation(self, contract):
        request = self.request_cancellation(contract)
        request.with_user(self.users["wh.manager"]).action_scm_submit()
        self.approve(request, self.users["mc.manager"], "同意撤销。")
        self.assertEqual(request.stage, "approved")
        return request

    def new_scheme(self, contract, user=None, **vals):
        values = {
            "contract_id": contract.id,
            "title": "楚风服饰 SCMS 项目实施方案书",
            "content": "<p>第1—2周调研；第3—8周要素法实施；门店分三批上线。</p>",
            "pm_user_id": self.users["wh.consultant"].id,
        }
        values.update(vals)
        return self.Scheme.with_user(user or self.users["wh.consultant"]).create(values)

    def countersign(self, scheme):
        for slot, login in (
            ("pm", "wh.consultant"),
            ("mcd", "mcd.manager"),
            ("mrd", "mrd.manager"),
            ("software", "sw.manager"),
            ("qc", "qc.manager"),
        ):
            scheme.with_user(self.users[login]).action_scm_sign(slot)
