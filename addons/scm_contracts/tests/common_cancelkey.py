from .common import ScmContractsCase

COUNTERSIGNERS = (
    ("pm", "wh.consultant"),
    ("mcd", "mcd.manager"),
    ("mrd", "mrd.manager"),
    ("software", "sw.manager"),
    ("qc", "qc.manager"),
)


class ScmCancelkeyCase(ScmContractsCase):
    """Cancellation forms and implementation schemes of Wuhan S&C contracts,
    as the acting users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Cancellation = cls.env["scm.contract.cancellation"]
        cls.Scheme = cls.env["scm.contract.scheme"]

    def approved_regular(self, **vals):
        contract = self.new_contract(**vals)
        self.approved(contract)
        self.assertEqual(contract.stage, "approved")
        return contract

    def numbered_contract(self, **vals):
        contract = self.printed(self.new_contract(**vals))
        self.assertTrue(contract.number)
        return contract

    def request_cancellation(self, contract, user=None, **vals):
        values = {
            "contract_id": contract.id,
            "reason_type": "virtual_cancelled",
            "reason": "客户取消虚拟合同，项目不再执行。",
        }
        values.update(vals)
        return self.Cancellation.with_user(user or self.wh_manager).create(values)

    def approved_cancellation(self, contract):
        request = self.request_cancellation(contract)
        request.with_user(self.wh_manager).action_scm_submit()
        self.approve(request, self.mc_manager, "同意撤销。")
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

    def countersign(self, scheme, signers=COUNTERSIGNERS):
        for slot, login in signers:
            scheme.with_user(self.users[login]).action_scm_sign(slot)
