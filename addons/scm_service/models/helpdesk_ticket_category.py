from odoo import api, fields, models

GUIDANCE_KINDS = [
    ("consulting", "Management Consulting"),
    ("technical", "Technical Service"),
]


class HelpdeskTicketCategory(models.Model):
    """The service catalogue (SVC-SCOPE-04): the three categories are the
    top-level categories, their items the categories below them. The kind
    marks the items the service standards treat apart (SVC-STD-02/03).

    Who at HQ guides the branches on a category of service (SVC-HQ-01):
    management consulting → an MCD consultant, technical service → the
    TSMS."""

    _inherit = "helpdesk.ticket.category"

    scm_item_kind = fields.Selection(
        [
            ("report", "Query/statistical report"),
            ("data_fix", "Data fix"),
            ("hardware", "Hardware installation/debugging"),
        ],
        string="Item Kind",
        help="Reports: two free per service year (SVC-STD-02 d). Data fixes: "
        "only with the user's backup (SVC-STD-02 h). Hardware installation: "
        "never time-billed (SVC-STD-03).",
    )
    scm_guidance_kind = fields.Selection(
        GUIDANCE_KINDS,
        string="HQ Guidance",
        help="Consulting is guided by MCD's consultants, technical service by "
        "the TSMS (SVC-HQ-01).",
    )
    scm_guidance_user_id = fields.Many2one(
        "res.users",
        string="Guidance Owner",
        domain="[('share', '=', False)]",
        help="The MCD consultant or TSMS answering the branches' escalations of "
        "this category; empty: the first of MCD's consultants or TSMS.",
    )

    @api.model
    def _scm_default_guidance_owner(self, kind):
        """The first MCD consultant (consulting) or TSMS (technical)."""
        if kind == "technical":
            users = self.env.ref("scm_base.group_tsms").sudo().users
        else:
            department = self.env.ref("scm_base.dept_mcd")
            employees = (
                self.env["hr.employee"]
                .sudo()
                .search([("department_id", "child_of", department.ids)])
            )
            manager = department.sudo().manager_id.user_id
            consultants = employees.user_id.filtered(
                lambda u: u.has_group("scm_base.group_consultant")
            )
            users = (consultants - manager) or consultants
        return users.filtered("active").sorted("id")[:1]

    def _scm_guidance_owner(self):
        """The guidance owner of the category, else the default of its kind."""
        self.ensure_one()
        return self._scm_guidance_owner_for(self, self.scm_guidance_kind)

    def _scm_guidance_source(self):
        """The category, or its nearest parent, that says who guides it: a
        catalogue item follows its category (SVC-SCOPE-04, SVC-HQ-01)."""
        self.ensure_one()
        category = self.sudo()
        while category and not category.scm_guidance_kind:
            category = category.parent_id
        return category

    def _scm_guidance_kind_effective(self):
        """The HQ guidance kind of the category or of its nearest parent."""
        self.ensure_one()
        return self._scm_guidance_source().scm_guidance_kind or False

    @api.model
    def _scm_guidance_owner_for(self, category, kind):
        """Who answers an escalation of `kind` in `category` (SVC-HQ-01): the
        guidance owner of the category or of its nearest parent giving that
        kind of guidance, else the default guide of the kind."""
        category = category.sudo()
        source = category._scm_guidance_source() if category else category
        kind = kind or source.scm_guidance_kind or "consulting"
        while source:
            owner = source.scm_guidance_user_id
            if source.scm_guidance_kind == kind and owner and owner.active:
                return owner
            source = source.parent_id
        return self._scm_default_guidance_owner(kind)

    @api.model
    def _scm_is_guide(self, user, kind):
        """Whether `user` gives HQ guidance of `kind`: MCD (its manager or a
        consultant of MCD) for consulting, the TSMS for technical service."""
        if user.has_group("scm_base.group_scm_admin"):
            return True
        if kind == "technical":
            return user.has_group("scm_base.group_tsms")
        return user.has_group("scm_base.group_mcd_manager") or (
            user.has_group("scm_base.group_consultant")
            and user._scm_is_member_of_unit(self.env.ref("scm_base.dept_mcd"))
        )

    @api.model
    def _scm_is_mcd(self, user):
        """MCD: its manager, its consultants or the TSMS."""
        return self._scm_is_guide(user, "consulting") or self._scm_is_guide(
            user, "technical"
        )
