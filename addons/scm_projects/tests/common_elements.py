from .common import ScmProjectsCase


class ScmElementsCase(ScmProjectsCase):
    """A Wuhan project in its elements phase, with a consultant of the team
    (wh.consultant) and the customer's leading-group leader on the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project._scm_set_phase("elements")
        cls.customer_lead = cls.env.ref("scm_sales.partner_wh_chufeng_contact")
        cls.env["scm.project.member"].sudo().create(
            [
                {
                    "project_id": cls.project.id,
                    "side": "aa",
                    "role": "consultant",
                    "user_id": cls.wh_consultant.id,
                },
                {
                    "project_id": cls.project.id,
                    "side": "customer",
                    "role": "group_leader",
                    "customer_contact_id": cls.customer_lead.id,
                },
            ]
        )
        cls.pm = cls.wh_manager
        cls.Element = cls.env["scm.project.element"]
        cls.Workday = cls.env["scm.workday"]

    def generate(self, types=("process",), project=None, author=None):
        return self.as_client(self.Element, self.pm)._scm_generate(
            project or self.project, list(types), author or self.wh_consultant
        )

    def due(self, deadline, amount):
        """The due date the manual gives: `amount` WD after the trigger."""
        return self.Workday.compute_due(
            "working_days", amount, deadline.start_date, self.project.company_id
        )

    def deadline(self, record, code):
        return record.sudo().scm_deadline_ids.filtered(lambda d: d.rule_code == code)

    def written(self, element):
        """Content, internal discussion and consensus of a draft document."""
        self.as_client(element, self.wh_consultant).write(
            {
                "content": "<p>流程重组方案：销售出库流程由三级审核改为两级。</p>",
                "discussion_date": self.today(),
                "discussion_notes": "全体实施组讨论：出库审核环节冗余，达成一致。",
            }
        )
        if not element.consensus_reached:
            self.as_client(element, self.pm).action_record_consensus()
        return element

    def to_stage(self, element, stage):
        """Run `element` through its steps, as the acting users, until
        `stage`."""
        steps = {
            "pm_review": lambda e: self.as_client(
                e, self.wh_consultant
            ).action_submit(),
            "to_mcd": lambda e: self.as_client(e, self.pm).action_pm_approve(),
            "mcd_review": lambda e: self.as_client(e, self.pm).action_send_mcd(),
            "completed": lambda e: self.as_client(
                e, self.mcd_manager
            ).action_mcd_approve(),
            "delivered": lambda e: self.as_client(e, self.pm).action_deliver(),
            "confirmed": lambda e: self.as_client(e, self.pm).action_customer_confirm(),
            "signed": self.both_sign,
        }
        order = ["draft", *steps]
        if element.stage == "draft":
            self.written(element)
        while element.stage != stage:
            target = order[order.index(element.stage) + 1]
            steps[target](element)
            self.assertEqual(element.stage, target)
        return element

    def both_sign(self, element):
        self.as_client(element, self.pm).action_sign_pm()
        self.as_client(element, self.pm)._scm_record_customer_signature(
            "楚风 刘经理", self.today()
        )
