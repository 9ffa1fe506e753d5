from odoo import fields

from odoo.addons.scm_sales.tests.common import ScmSalesCase

SERVICE_CLAUSES = {
    "free_modification": "provided",
    "runin_months": 3,
    "post_runin_charging": "磨合期满后按年收取系统维护费，每年为合同软件金额的10%。",
}


def next_number(env, prefix):
    """The number the next original of `prefix` (e.g. SCMSCWH-2026) takes:
    other addons' demo data may already have issued some of the year's
    numbers (scm_projects' demo signs a Wuhan S&C contract)."""
    env.cr.execute(
        "SELECT number FROM scm_numbering_issue WHERE number LIKE %s",
        [prefix + "%"],
    )
    serials = [
        int(number[len(prefix) :])
        for (number,) in env.cr.fetchall()
        if number[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(serials, default=0) + 1:03d}"


class ScmContractsCase(ScmSalesCase):
    """Contracts at every step of their way, as the acting users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in ("mrd.manager", "wh.consultant", "mcd.consultant"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.Contract = cls.env["scm.contract"]
        cls.chufeng = ref("scm_sales.partner_wh_chufeng")
        cls.hanjiang = ref("scm_sales.partner_wh_hanjiang")
        cls.jinghua = ref("scm_sales.partner_bj_jinghua")
        cls.yanshan = ref("scm_sales.partner_bj_yanshan")
        cls.lingnan = ref("scm_sales.partner_hq_lingnan")
        cls.proposal = ref("scm_sales.proposal_wh_chufeng")
        cls.wh_manager = cls.users["wh.manager"]
        cls.bj_manager = cls.users["bj.manager"]
        cls.mc_manager = cls.users["mc.manager"]
        cls.msd_manager = cls.users["msd.manager"]
        cls.finance = cls.users["finance.staff"]
        cls.president = cls.users["president"]

    # -- drafting ---------------------------------------------------------------
    def sc_values(self, **vals):
        values = {
            "title": "楚风服饰 SCMS 企业管理改造合同",
            "contract_type": "sc",
            "company_id": self.wuhan.id,
            "partner_id": self.chufeng.id,
            "proposal_id": self.proposal.id,
            "amount": 395000,
            **SERVICE_CLAUSES,
        }
        values.update(vals)
        return values

    def today(self):
        """Today where the company works (China), whoever acts."""
        return fields.Date.context_today(self.Contract.with_user(self.wh_manager))

    def printed_day(self, contract):
        """The day the original was printed where the branch works (China):
        from 16:00 UTC the server's date is a day behind."""
        return fields.Datetime.context_timestamp(
            contract.with_user(self.wh_manager), contract.printed_date
        ).date()

    def new_contract(self, user=None, **vals):
        user = user or self.wh_manager
        return self.Contract.with_user(user).create(self.sc_values(**vals))

    def check_clauses(self, contract, user=None):
        user = user or contract.user_id
        contract.checklist_line_ids.with_user(user).write({"checked": True})

    def submit(self, contract, user=None):
        user = user or self.side_user(contract)
        self.check_clauses(contract, user)
        contract.with_user(user).action_scm_submit()

    def approved(self, contract, submitter=None, approver=None):
        """Submitted and approved by the type's approver (and the President
        for a major contract)."""
        self.submit(contract, submitter)
        approver = (
            approver
            or {
                "sc": self.mc_manager,
                "network": self.mc_manager,
                "brand": self.mc_manager,
                "secondary": self.users["cc.manager"],
                "tech_service": self.users["mcd.manager"],
            }[contract.contract_type]
        )
        self.approve(contract, approver, "同意，与建议书一致。")
        if contract.contract_class == "major":
            self.approve(contract, self.president, "同意签订。")
        return contract

    def office_user(self, contract):
        return contract.sudo().office_department_id.manager_id.user_id

    def printed(self, contract, **kwargs):
        self.approved(contract, **kwargs)
        if contract.contract_type in ("secondary", "tech_service", "brand"):
            side = self.side_user(contract)
            contract.with_user(side).action_send_to_customer()
            contract.with_user(side).action_customer_accept()
        contract.with_user(self.office_user(contract)).action_print_original()
        return contract

    def side_user(self, contract):
        if contract.contract_type == "brand":
            return self.users["brand.manager"]
        if contract.is_hq_contract:
            return self.office_user(contract)
        return contract.sudo().company_id.scm_manager_id

    def registered(self, contract, **kwargs):
        self.printed(contract, **kwargs)
        contract.with_user(self.finance)._scm_register("CW-2026-0101", self.today())
        return contract

    def aa_signed(self, contract, **kwargs):
        self.registered(contract, **kwargs)
        if not contract.is_hq_contract and contract.contract_type != "brand":
            contract.with_user(self.office_user(contract)).action_send_to_branch()
        contract.with_user(contract.sudo()._scm_aa_signatory()).action_sign_aa()
        return contract

    def effective(self, contract, **kwargs):
        self.aa_signed(contract, **kwargs)
        contract.with_user(self.side_user(contract))._scm_record_customer_signature(
            "张总经理", self.today(), True
        )
        return contract

    # -- SUP-KEY-01 (scm_contracts cancelkey area) -------------------------------
    def countersigned_scheme(self, contract):
        """The implementation scheme of a major contract or key project,
        countersigned by the PM and the MCD, MRD, Software and QC managers."""
        pm = self.users["mcd.consultant"]
        scheme = (
            self.env["scm.contract.scheme"]
            .with_user(pm)
            .create(
                {
                    "contract_id": contract.id,
                    "title": "项目实施方案书",
                    "content": "<p>调研、要素法实施、分批上线与验收安排。</p>",
                    "pm_user_id": pm.id,
                }
            )
        )
        for slot, user in (
            ("pm", pm),
            ("mcd", self.users["mcd.manager"]),
            ("mrd", self.users["mrd.manager"]),
            ("software", self.users["sw.manager"]),
            ("qc", self.users["qc.manager"]),
        ):
            scheme.with_user(user).action_scm_sign(slot)
        return scheme

    def approve(self, document, user, comment="同意"):
        """The President approves a major contract once its scheme is
        countersigned (SUP-KEY-01): the tests countersign it first."""
        if (
            document._name == "scm.contract"
            and user == self.president
            and document._scm_scheme_required()
            and not document.scm_scheme_countersigned
        ):
            self.countersigned_scheme(document)
        return super().approve(document, user, comment)
