from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.scm_base.tools import create_order_index, create_pivot_index

# SVC-RESP-03/04: the two-hour commitments, counted round the clock.
TWO_HOURS = timedelta(hours=2)
# SVC-STD-02 (d): free query/statistical reports per service year.
FREE_REPORTS_PER_YEAR = 2
# SVC-STD-03: the channels of time-billed service.
TIME_BILLED_CHANNELS = ("phone", "onsite")

HQ_GROUPS = ("scm_base.group_mcd_manager", "scm_base.group_tsms")


class HelpdeskTicket(models.Model):
    """The service request (客户服务通知单, SUP-SVCN-01) on OCA's ticket:
    its service kind, catalogue item and channel, the two-hour commitments,
    the escalation to HQ after the Branch Manager's approval, the record its
    channel requires to close, and the time-billed record with its quote."""

    _name = "helpdesk.ticket"
    _inherit = [
        "scm.deadline.mixin",
        "scm.step.guard.mixin",
        "scm.name.search.mixin",
        "helpdesk.ticket",
    ]
    # helpdesk_mgmt's name search (number, title), plus the customer by its
    # indexed name, from one trigram-indexed column (scm.name.search.mixin).
    _scm_name_search_fields = ("number", "name")

    _scm_step_fields = (
        "scm_first_response_date",
        "scm_arrival_date",
        "scm_escalation_state",
        "scm_escalation_requested_date",
        "scm_escalation_date",
        "scm_escalation_approver_id",
        "scm_hq_reply_date",
        "scm_quote_confirmed_date",
    )

    # -- kind (SVC-SCOPE-01, SVC-STD-01, PRJ-HAND-02) -------------------------
    scm_received_date = fields.Datetime(
        string="Received",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        index=True,
        help="When the request was received, on the server clock (SVC-RESP-02).",
    )
    scm_service_kind = fields.Selection(
        [
            ("project", "Project (run-in)"),
            ("contract", "Contract service"),
            ("time_billed", "Time-billed"),
        ],
        string="Service Kind",
        compute="_compute_scm_service_kind",
        store=True,
        help="In the project while the customer's run-in lasts (free), under "
        "the J/R contract in its service period, or time-billed otherwise "
        "(SVC-SCOPE-01, SVC-STD-01).",
    )
    scm_contract_id = fields.Many2one(
        "scm.contract",
        string="Service Contract",
        compute="_compute_scm_service_kind",
        store=True,
        index=True,
    )
    scm_item_kind = fields.Selection(
        related="category_id.scm_item_kind", store=True, string="Item Kind"
    )
    scm_channel_code = fields.Selection(
        related="channel_id.scm_code", store=True, string="Channel Code"
    )
    scm_urgent = fields.Boolean(
        string="Urgent",
        help="Urgent requests are confirmed with the customer at once and "
        "served on site: a promised arrival is required (SUP-SVCN-01).",
    )
    # -- responsiveness (SVC-RESP-02..05) -------------------------------------
    scm_first_response_date = fields.Datetime(
        string="First Response", readonly=True, copy=False
    )
    scm_promised_arrival = fields.Datetime(string="Promised Arrival", copy=False)
    scm_arrival_reason = fields.Text(
        string="Reason for a Later Arrival",
        help="Required when the promised arrival is more than 2 hours after "
        "the request (SVC-RESP-03).",
    )
    scm_promise_over_2h = fields.Boolean(
        string="Promise Beyond 2 Hours",
        compute="_compute_scm_flags",
        store=True,
    )
    scm_arrival_date = fields.Datetime(string="Arrived", readonly=True, copy=False)
    scm_arrival_late = fields.Boolean(
        string="Late Arrival", compute="_compute_scm_flags", store=True
    )
    scm_onsite_sla_result = fields.Selection(
        [
            ("met", "On site within 2 h"),
            ("late", "On site after 2 h"),
            ("pending", "Not arrived yet"),
        ],
        string="On-site SLA",
        compute="_compute_scm_flags",
        store=True,
    )
    scm_onsite_result = fields.Selection(
        [("resolved", "Resolved"), ("unresolved", "Unresolved")],
        string="On-site Result",
        copy=False,
    )
    scm_promised_resolution = fields.Datetime(
        string="Promised Resolution",
        copy=False,
        help="Required when the problem could not be solved on site; tracked "
        "as a deadline (SVC-RESP-05).",
    )
    # -- escalation to HQ (SVC-RESP-04, SUP-SVCN-01, SVC-HQ-02) ---------------
    scm_interim_measures = fields.Text(
        string="Interim Measures",
        help="What the customer was offered while the problem is unsolved; "
        "required to escalate to HQ (SVC-RESP-04).",
    )
    scm_escalation_state = fields.Selection(
        [
            ("none", "Not escalated"),
            ("requested", "Awaiting Branch Manager"),
            ("approved", "Escalated to HQ"),
            ("rejected", "Not approved"),
            ("replied", "HQ replied"),
        ],
        string="HQ Escalation",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    scm_escalation_requested_date = fields.Datetime(
        string="Escalation Requested", readonly=True, copy=False
    )
    scm_escalation_date = fields.Datetime(string="Escalated", readonly=True, copy=False)
    scm_escalation_approver_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    scm_escalation_late = fields.Boolean(
        string="Escalated After 2 Hours",
        compute="_compute_scm_flags",
        store=True,
    )
    scm_hq_reply_date = fields.Datetime(string="HQ Replied", readonly=True, copy=False)
    scm_hq_sla_result = fields.Selection(
        [
            ("met", "HQ answer within 2 WD"),
            ("late", "HQ answer after 2 WD"),
            ("pending", "Awaiting HQ"),
        ],
        string="HQ Answer SLA",
        compute="_compute_scm_hq_sla_result",
        store=True,
    )
    scm_status = fields.Selection(
        [
            ("new", "New"),
            ("surveyed", "Surveyed"),
            ("approved", "Manager approved"),
            ("rejected", "Manager not approved"),
            ("replied", "HQ replied"),
        ],
        string="Notification Status",
        compute="_compute_scm_status",
        help="The user statuses of the service notification (SUP-SVCN-01): "
        "KCWB surveyed, ZGPZ approved, BPZ not approved, ZBHF HQ replied.",
    )
    # -- records of the channel (SVC-RESP-06) ---------------------------------
    scm_phone_record = fields.Text(string="Phone Record")
    scm_work_record = fields.Text(string="Work Record")
    scm_customer_signatory = fields.Char(string="Customer Signatory")
    scm_customer_signature = fields.Binary(
        string="Customer Signature", attachment=True, copy=False
    )
    scm_customer_signed_date = fields.Date(string="Customer Signed On", copy=False)
    scm_signed_workorder = fields.Binary(
        string="Signed Work Order (scan)", attachment=True, copy=False
    )
    scm_signed_workorder_name = fields.Char(copy=False)
    scm_meeting_minutes_id = fields.Many2one(
        "scm.meeting.minutes", string="Meeting Minutes", copy=False
    )
    # -- service standards (SVC-STD-02/03, SUP-SVCN-01) -----------------------
    scm_report_free = fields.Boolean(
        string="Free Report",
        default=True,
        help="One of the two free query/statistical reports of the contract's "
        "service year (SVC-STD-02); a third one is billed.",
    )
    scm_user_backup = fields.Boolean(
        string="User Backup Exists",
        help="Data is fixed only from the user's backup (SVC-STD-02 h).",
    )
    scm_backup_file = fields.Binary(string="Backup Evidence", attachment=True)
    scm_backup_file_name = fields.Char()
    scm_quote_amount = fields.Monetary(
        string="Quote", currency_field="scm_currency_id", copy=False
    )
    scm_quote_confirmed_date = fields.Date(
        string="Quote Confirmed by Customer", readonly=True, copy=False
    )
    scm_work_start = fields.Datetime(string="Work Start", copy=False)
    scm_work_end = fields.Datetime(string="Work End", copy=False)
    scm_work_hours = fields.Float(
        string="Hours", compute="_compute_scm_work_hours", store=True
    )
    scm_fee = fields.Monetary(
        string="Fee", currency_field="scm_currency_id", copy=False
    )
    scm_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Currency"
    )

    # -- computes --
    def init(self):
        result = super().init()
        # The requests' count and pivot (branch x category, channel, on-site
        # result), with every column helpdesk_mgmt's and our record rules
        # test (owner, team, customer; followers by id): read from the index
        # alone, not from the wide ticket rows (issue 15).
        create_pivot_index(
            self,
            (
                "company_id",
                "active",
                "user_id",
                "team_id",
                "partner_id",
                "category_id",
                "channel_id",
                "scm_onsite_sla_result",
                "id",
            ),
        )
        # The request list's order (helpdesk_mgmt's: priority, the dragged
        # sequence, newest number): a page reads its 80 rows from the index
        # instead of sorting the branch's every request (issue 15).
        create_order_index(self)
        return result

    @api.depends("partner_id", "scm_received_date")
    def _compute_scm_service_kind(self):
        for ticket in self:
            partner = ticket.partner_id.commercial_partner_id
            if not partner:
                ticket.scm_service_kind = False
                ticket.scm_contract_id = False
                continue
            on_date = ticket.scm_received_date and ticket._scm_local_date(
                ticket.scm_received_date
            )
            ticket.scm_service_kind = partner._scm_service_kind(on_date)
            ticket.scm_contract_id = (
                partner._scm_service_contract(on_date)
                if ticket.scm_service_kind == "contract"
                else False
            )

    @api.depends(
        "scm_received_date",
        "scm_promised_arrival",
        "scm_arrival_date",
        "scm_escalation_date",
        "scm_channel_code",
    )
    def _compute_scm_flags(self):
        for ticket in self:
            received = ticket.scm_received_date
            promised = ticket.scm_promised_arrival
            arrived = ticket.scm_arrival_date
            ticket.scm_promise_over_2h = bool(
                received and promised and promised - received > TWO_HOURS
            )
            ticket.scm_arrival_late = bool(promised and arrived and arrived > promised)
            ticket.scm_escalation_late = bool(
                received
                and ticket.scm_escalation_date
                and ticket.scm_escalation_date - received > TWO_HOURS
            )
            if ticket.scm_channel_code != "onsite":
                ticket.scm_onsite_sla_result = False
            elif not arrived:
                ticket.scm_onsite_sla_result = "pending"
            else:
                ticket.scm_onsite_sla_result = (
                    "met" if received and arrived - received <= TWO_HOURS else "late"
                )

    @api.depends("scm_escalation_date", "scm_hq_reply_date")
    def _compute_scm_hq_sla_result(self):
        for ticket in self:
            if not ticket.scm_escalation_date:
                ticket.scm_hq_sla_result = False
            elif not ticket.scm_hq_reply_date:
                ticket.scm_hq_sla_result = "pending"
            else:
                due = self.env["scm.workday"].add_working_days(
                    ticket.scm_escalation_date, 2, ticket.company_id
                )
                ticket.scm_hq_sla_result = (
                    "met" if ticket.scm_hq_reply_date <= due else "late"
                )

    @api.depends("scm_escalation_state", "scm_first_response_date")
    def _compute_scm_status(self):
        states = {"approved": "approved", "rejected": "rejected", "replied": "replied"}
        for ticket in self:
            ticket.scm_status = states.get(ticket.scm_escalation_state) or (
                "surveyed" if ticket.scm_first_response_date else "new"
            )

    @api.depends("scm_work_start", "scm_work_end")
    def _compute_scm_work_hours(self):
        for ticket in self:
            if ticket.scm_work_start and ticket.scm_work_end:
                delta = ticket.scm_work_end - ticket.scm_work_start
                ticket.scm_work_hours = round(delta.total_seconds() / 3600, 2)
            else:
                ticket.scm_work_hours = 0

    # -- constraints (bad input refused, nothing written) --
    @api.constrains("team_id")
    def _check_scm_team(self):
        for ticket in self:
            if not ticket.team_id:
                raise ValidationError(
                    _(
                        "Service request %(name)s needs a service team: its "
                        "SLAs are computed from the team.",
                        name=ticket.name,
                    )
                )

    @api.constrains("category_id", "channel_id")
    def _check_scm_catalogue(self):
        """SVC-SCOPE-04/05: an item of the catalogue and one of the three
        channels."""
        for ticket in self.sudo():
            if not ticket.category_id or not ticket.category_id.parent_id:
                raise ValidationError(
                    _(
                        "Service request %(name)s needs a service item of the "
                        "catalogue (a category and its item).",
                        name=ticket.name,
                    )
                )
            if not ticket.channel_id.scm_code:
                raise ValidationError(
                    _(
                        "Service request %(name)s needs its channel: phone "
                        "consultation, on-site service or remote access.",
                        name=ticket.name,
                    )
                )

    @api.constrains(
        "scm_urgent", "channel_id", "scm_promised_arrival", "scm_arrival_reason"
    )
    def _check_scm_promised_arrival(self):
        """SVC-RESP-03, SUP-SVCN-01."""
        for ticket in self:
            onsite = ticket.channel_id.scm_code == "onsite"
            if (onsite or ticket.scm_urgent) and not ticket.scm_promised_arrival:
                raise ValidationError(
                    _(
                        "Service request %(name)s is urgent or on site: promise "
                        "the customer an arrival time.",
                        name=ticket.name,
                    )
                )
            if (
                ticket.scm_promise_over_2h
                and not (ticket.scm_arrival_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "The arrival promised for %(name)s is more than 2 hours "
                        "after the request: give the reason.",
                        name=ticket.name,
                    )
                )

    @api.constrains("scm_onsite_result", "scm_promised_resolution")
    def _check_scm_onsite_result(self):
        """SVC-RESP-05."""
        for ticket in self:
            if (
                ticket.scm_onsite_result == "unresolved"
                and not ticket.scm_promised_resolution
            ):
                raise ValidationError(
                    _(
                        "The problem of %(name)s was not solved on site: "
                        "promise the customer a resolution date.",
                        name=ticket.name,
                    )
                )

    @api.constrains("category_id", "scm_user_backup", "scm_backup_file")
    def _check_scm_data_fix(self):
        """SVC-STD-02 (h): data is fixed only with the user's backup."""
        for ticket in self:
            if ticket.scm_item_kind == "data_fix" and not (
                ticket.scm_user_backup and ticket.scm_backup_file
            ):
                raise ValidationError(
                    _(
                        "Data of %(name)s is fixed only from the user's backup: "
                        "confirm that it exists and attach the evidence.",
                        name=ticket.name,
                    )
                )

    @api.constrains(
        "partner_id",
        "channel_id",
        "category_id",
        "scm_work_start",
        "scm_work_end",
    )
    def _check_scm_time_billed(self):
        """SVC-STD-03, SUP-SVCN-01."""
        for ticket in self:
            if ticket.scm_service_kind != "time_billed":
                continue
            if ticket.scm_channel_code not in TIME_BILLED_CHANNELS:
                raise ValidationError(
                    _(
                        "Time-billed service %(name)s is given by phone or on "
                        "site only.",
                        name=ticket.name,
                    )
                )
            if ticket.scm_item_kind == "hardware":
                raise ValidationError(
                    _(
                        "Installation and debugging of hardware systems is not "
                        "offered as time-billed service (%(name)s).",
                        name=ticket.name,
                    )
                )
            if ticket.scm_work_start and not ticket.scm_quote_confirmed_date:
                raise ValidationError(
                    _(
                        "Time-billed work on %(name)s cannot start before the "
                        "customer has confirmed the quote.",
                        name=ticket.name,
                    )
                )
            if (
                ticket.scm_work_start
                and ticket.scm_work_end
                and ticket.scm_work_end <= ticket.scm_work_start
            ):
                raise ValidationError(
                    _(
                        "The work on %(name)s must end after it starts.",
                        name=ticket.name,
                    )
                )

    @api.constrains("category_id", "scm_report_free", "partner_id")
    def _check_scm_free_reports(self):
        """SVC-STD-02 (d): two free query/statistical reports per service
        year of the contract; the third is billed."""
        for ticket in self:
            if not (
                ticket.scm_item_kind == "report"
                and ticket.scm_report_free
                and ticket.scm_service_kind == "contract"
            ):
                continue
            start, end = ticket._scm_service_year()
            # The service year's days in China, as moments of the stored clock.
            workday = self.env["scm.workday"]
            count = self.sudo().search_count(
                [
                    ("scm_contract_id", "=", ticket.scm_contract_id.id),
                    ("scm_item_kind", "=", "report"),
                    ("scm_report_free", "=", True),
                    (
                        "scm_received_date",
                        ">=",
                        workday._start_of_day(start, ticket.company_id),
                    ),
                    (
                        "scm_received_date",
                        "<",
                        workday._start_of_day(end, ticket.company_id),
                    ),
                ]
            )
            if count > FREE_REPORTS_PER_YEAR:
                raise ValidationError(
                    _(
                        "The %(count)s free query/statistical reports of this "
                        "service year are used: %(name)s is billed.",
                        count=FREE_REPORTS_PER_YEAR,
                        name=ticket.name,
                    )
                )

    def _scm_local_date(self, moment):
        """The day in China of a stored (UTC) moment: a request received at
        07:00 in Beijing is on the server's previous date."""
        return self.env["scm.workday"]._local_date(moment, self.company_id)

    def _scm_service_year(self):
        """[start, end) of the contract's service year holding the request:
        years counted from the contract's effective date (SVC-STD-02, Open)."""
        self.ensure_one()
        contract = self.scm_contract_id.sudo()
        anchor = contract.effective_date or self._scm_local_date(contract.create_date)
        received = self._scm_local_date(self.scm_received_date or fields.Datetime.now())
        years = received.year - anchor.year
        start = fields.Date.add(anchor, years=years)
        if start > received:
            start = fields.Date.add(anchor, years=years - 1)
        end = fields.Date.add(start, years=1)
        return start, end

    # -- create / write --
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # The server's clock, not the client's (SVC-RESP-02).
                vals.pop("scm_received_date", None)
            if not vals.get("team_id"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                team = self.env["helpdesk.ticket.team"]._scm_team_for_company(company)
                if team:
                    vals["team_id"] = team.id
        tickets = super().create(vals_list)
        for ticket in tickets.sudo():
            if ticket.scm_service_kind == "project" and not ticket.project_id:
                ticket.project_id = ticket.partner_id._scm_runin_project(
                    ticket._scm_local_date(ticket.scm_received_date)
                )
        return tickets

    def write(self, vals):
        if not self.env.su and "scm_received_date" in vals:
            raise self._scm_guard_error({"scm_received_date"})
        result = super().write(vals)
        if {"channel_id", "category_id", "team_id", "scm_urgent"} & vals.keys():
            for ticket in self.sudo():
                ticket.refresh_sla()
        if vals.get("scm_onsite_result") == "unresolved" or (
            "scm_promised_resolution" in vals
        ):
            self._scm_track_promised_resolution()
        return result

    # -- steps --
    def _scm_is_hq(self, user=None):
        user = user or self.env.user
        return any(user.has_group(group) for group in HQ_GROUPS) or (
            user.has_group("scm_base.group_consultant")
            and user.has_group("scm_base.group_hq_staff")
        )

    def _scm_check_service_staff(self, step):
        """The branch's service team (or HQ) takes the service steps."""
        user = self.env.user
        for ticket in self:
            allowed = (
                user in ticket.team_id.user_ids
                or (
                    # the branch's own people: holding the branch in the
                    # company switcher (as every HQ user holds every branch)
                    # is not being one of its service staff
                    user._scm_is_member_of_company(ticket.company_id)
                    and (
                        user.has_group("scm_base.group_service_staff")
                        or user.has_group("scm_base.group_branch_staff")
                    )
                )
                or self._scm_is_hq(user)
            )
            if not allowed:
                raise UserError(
                    _(
                        "Only the service team of %(branch)s may %(step)s on %(name)s.",
                        branch=ticket.company_id.name,
                        step=step,
                        name=ticket.display_name,
                    )
                )

    def action_scm_first_response(self):
        """SVC-RESP-02: the first response, on the server clock."""
        self._scm_check_service_staff(_("record the first response"))
        for ticket in self:
            if ticket.scm_first_response_date:
                continue
            ticket._scm_step_write({"scm_first_response_date": fields.Datetime.now()})
            stage = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_in_progress",
                raise_if_not_found=False,
            )
            if stage and ticket.stage_id.sequence < stage.sequence:
                ticket.sudo().stage_id = stage
        return True

    def action_scm_record_arrival(self):
        """SVC-RESP-03: the actual arrival on site, flagged when later than
        promised; it meets (or misses) the on-site SLA."""
        self._scm_check_service_staff(_("record the arrival on site"))
        for ticket in self:
            if ticket.scm_channel_code != "onsite":
                raise UserError(
                    _(
                        "%(name)s is not an on-site request.",
                        name=ticket.display_name,
                    )
                )
            if ticket.scm_arrival_date:
                raise UserError(
                    _(
                        "The arrival on %(name)s is already recorded.",
                        name=ticket.display_name,
                    )
                )
            now = fields.Datetime.now()
            vals = {"scm_arrival_date": now}
            if not ticket.scm_first_response_date:
                vals["scm_first_response_date"] = now
            ticket._scm_step_write(vals)
            ticket.ticket_sla_ids._scm_sla_update()
        return True

    def action_scm_confirm_quote(self):
        """SUP-SVCN-01: the customer confirmed the quote of time-billed work."""
        self._scm_check_service_staff(_("record the customer's confirmation"))
        for ticket in self:
            if ticket.scm_service_kind != "time_billed":
                raise UserError(
                    _(
                        "%(name)s is not time-billed: it needs no quote.",
                        name=ticket.display_name,
                    )
                )
            if ticket.scm_quote_amount <= 0:
                raise UserError(
                    _(
                        "Enter the quote of %(name)s before the customer confirms it.",
                        name=ticket.display_name,
                    )
                )
            ticket._scm_step_write(
                {"scm_quote_confirmed_date": fields.Date.context_today(ticket)}
            )
        return True

    def action_scm_request_escalation(self):
        """SVC-RESP-04, SUP-SVCN-01: escalating to HQ needs interim measures
        for the customer and the Branch Manager's approval. Asked by the
        service team (the manager owes the answer the same day); taken by
        the Branch Manager, it approves and escalates at once."""
        for ticket in self:
            if ticket.scm_escalation_state in ("approved", "replied"):
                raise UserError(
                    _(
                        "%(name)s is already escalated to HQ.",
                        name=ticket.display_name,
                    )
                )
            if not (ticket.scm_interim_measures or "").strip():
                raise UserError(
                    _(
                        "Record the interim measures given to the customer "
                        "before escalating %(name)s to HQ.",
                        name=ticket.display_name,
                    )
                )
        if all(ticket._scm_is_branch_manager() for ticket in self):
            return self.action_scm_approve_escalation()
        self._scm_check_service_staff(_("ask to escalate to HQ"))
        now = fields.Datetime.now()
        for ticket in self:
            ticket._scm_step_write(
                {
                    "scm_escalation_state": "requested",
                    "scm_escalation_requested_date": now,
                }
            )
            manager = ticket.company_id.sudo().scm_manager_id
            if manager:
                ticket._scm_deadline_open(
                    "SUP-SVCN-01",
                    _("Approve the escalation of %(name)s to HQ", name=ticket.name),
                    manager,
                    unit="same_day",
                    start=now,
                )
        return True

    def _scm_is_branch_manager(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return user.has_group(
            "scm_base.group_branch_manager"
        ) and user._scm_is_member_of_company(self.company_id)

    def _scm_check_branch_manager(self, step):
        for ticket in self:
            if not ticket._scm_is_branch_manager():
                raise UserError(
                    _(
                        "Only the Branch Manager of %(branch)s may %(step)s %(name)s.",
                        branch=ticket.company_id.name,
                        step=step,
                        name=ticket.display_name,
                    )
                )

    def action_scm_approve_escalation(self):
        """The Branch Manager approves (ZGPZ): the request goes to HQ."""
        self._scm_check_branch_manager(_("approve the escalation of"))
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.scm_escalation_state in ("approved", "replied"):
                raise UserError(
                    _(
                        "%(name)s is already escalated to HQ.",
                        name=ticket.display_name,
                    )
                )
            if not (ticket.scm_interim_measures or "").strip():
                raise UserError(
                    _(
                        "Record the interim measures given to the customer "
                        "before escalating %(name)s to HQ.",
                        name=ticket.display_name,
                    )
                )
            ticket._scm_step_write(
                {
                    "scm_escalation_state": "approved",
                    "scm_escalation_date": now,
                    "scm_escalation_approver_id": self.env.user.id,
                    "scm_escalation_requested_date": (
                        ticket.scm_escalation_requested_date or now
                    ),
                }
            )
            ticket._scm_deadline_close("SUP-SVCN-01")
            ticket.sudo().refresh_sla()
            ticket._scm_escalate_to_hq()
        return True

    def _scm_escalate_to_hq(self):
        """Hand the request to HQ's escalation record (area `hq`), when that
        model is installed."""
        self.ensure_one()
        if "scm.service.escalation" in self.env:
            self.env["scm.service.escalation"]._scm_create_from_ticket(self)

    def action_scm_reject_escalation(self):
        """The Branch Manager does not approve (BPZ)."""
        self._scm_check_branch_manager(_("refuse the escalation of"))
        for ticket in self:
            if ticket.scm_escalation_state != "requested":
                raise UserError(
                    _(
                        "No escalation of %(name)s awaits approval.",
                        name=ticket.display_name,
                    )
                )
            ticket._scm_step_write({"scm_escalation_state": "rejected"})
            ticket._scm_deadline_close("SUP-SVCN-01")
        return True

    def action_scm_hq_reply(self):
        """HQ (MCD or the TSMS) replied (ZBHF): the HQ answer SLA of 2 working
        days is met or missed. When the request's escalation record awaits
        HQ, replying is answering it (its guide, its written result): both
        sides then agree."""
        if not self._scm_is_hq():
            raise UserError(_("Only MCD or the TSMS reply for HQ."))
        for ticket in self:
            if ticket.scm_escalation_state != "approved":
                raise UserError(
                    _(
                        "%(name)s is not escalated to HQ.",
                        name=ticket.display_name,
                    )
                )
        for ticket in self:
            escalations = ticket._scm_open_escalations()
            if escalations:
                # The escalation's answer records the ticket's reply.
                escalations.action_answer()
            if ticket.scm_escalation_state == "approved":
                ticket._scm_record_hq_reply()
        return True

    def _scm_open_escalations(self):
        """The request's escalation records awaiting HQ's answer."""
        self.ensure_one()
        if "scm.service.escalation" not in self.env:
            return self.env["helpdesk.ticket"].browse()
        return self.env["scm.service.escalation"].search(
            [("ticket_id", "=", self.id), ("state", "=", "sent")]
        )

    def _scm_record_hq_reply(self, replied_at=None):
        """Record HQ's reply on the request (ZBHF) and settle its HQ answer
        SLA; called by the reply step and by the escalation's answer."""
        for ticket in self:
            if ticket.scm_escalation_state != "approved":
                continue
            ticket._scm_step_write(
                {
                    "scm_escalation_state": "replied",
                    "scm_hq_reply_date": replied_at or fields.Datetime.now(),
                }
            )
            ticket.sudo().ticket_sla_ids._scm_sla_update()
        return True

    def _scm_track_promised_resolution(self):
        """SVC-RESP-05: the promised resolution date is a deadline on the
        request's owner, closed when the request closes."""
        for ticket in self:
            ticket._scm_deadline_cancel("SVC-RESP-05")
            if (
                ticket.scm_onsite_result != "unresolved"
                or not ticket.scm_promised_resolution
                or ticket.closed
            ):
                continue
            today = fields.Date.context_today(ticket)
            promised = ticket._scm_local_date(ticket.scm_promised_resolution)
            days = max((promised - today).days, 0)
            ticket._scm_deadline_open(
                "SVC-RESP-05",
                _("Resolve %(name)s as promised", name=ticket.name),
                ticket.user_id or self.env.user,
                days,
                unit="calendar_days",
            )

    def _scm_missing_channel_record(self):
        """What closing still lacks of the channel's record (SVC-RESP-06)."""
        self.ensure_one()
        code = self.scm_channel_code
        if code == "phone" and not (self.scm_phone_record or "").strip():
            return _("the phone record")
        if code == "onsite" and not (
            (self.scm_customer_signature and self.scm_customer_signatory)
            or self.scm_signed_workorder
            or self.scm_meeting_minutes_id
        ):
            return _(
                "the On-site Service Work Order signed by the customer (or the "
                "meeting minutes)"
            )
        if code == "remote" and not (self.scm_work_record or "").strip():
            return _("the work record of the remote session")
        if self.scm_channel_code == "onsite" and not self.scm_onsite_result:
            return _("the on-site result (resolved or unresolved)")
        if self.scm_service_kind == "time_billed" and not (
            self.scm_work_start and self.scm_work_end and self.scm_fee > 0
        ):
            return _("the start, end and fee of the time-billed work")
        return False

    def action_scm_close(self):
        """SVC-RESP-02/06: close with the record of the channel; a request
        solved at first contact closes directly."""
        self._scm_check_service_staff(_("close"))
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for ticket in self:
            missing = ticket._scm_missing_channel_record()
            if missing:
                raise UserError(
                    _(
                        "%(name)s cannot be closed without %(missing)s.",
                        name=ticket.display_name,
                        missing=missing,
                    )
                )
            if not ticket.scm_first_response_date:
                ticket._scm_step_write(
                    {"scm_first_response_date": fields.Datetime.now()}
                )
            ticket.sudo().stage_id = done
            ticket._scm_deadline_close("SVC-RESP-05")
        return True

    @api.model
    def _scm_cron_holiday_greetings(self, days_before=3):
        """SVC-RESP-01: `days_before` (3) calendar days before each public
        holiday of the working-day calendar, one to-do per active service
        customer for its consultant: send the holiday contact information
        and greetings. Done activities keep the completion."""
        today = fields.Date.context_today(self)
        target = today + timedelta(days=days_before)
        Workday = self.env["scm.workday"]
        calendar = self.env.ref("scm_base.resource_calendar_china")
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", [False, calendar.id]),
                    ("date_from", ">=", fields.Datetime.to_datetime(today)),
                    (
                        "date_from",
                        "<=",
                        fields.Datetime.to_datetime(target) + timedelta(days=1),
                    ),
                ]
            )
        )
        holidays = leaves.filtered(
            lambda leave: Workday._local_date(leave.date_from) == target
        )
        if not holidays:
            return self.env["mail.activity"]
        Contract = self.env["scm.contract"].sudo()
        contracts = Contract.search(
            [
                ("contract_type", "in", ("tech_service", "secondary")),
                ("stage", "in", Contract._scm_in_force_stages()),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = self.env["mail.activity"]
        for holiday in holidays:
            summary = _(
                "Holiday contact and greeting: %(holiday)s", holiday=holiday.name
            )
            for partner in contracts.mapped("partner_id"):
                user = partner._scm_service_consultant()
                if not user:
                    continue
                exists = (
                    self.env["mail.activity"]
                    .sudo()
                    .search_count(
                        [
                            ("res_model", "=", "res.partner"),
                            ("res_id", "=", partner.id),
                            ("summary", "=", summary),
                        ]
                    )
                )
                if exists:
                    continue
                activities |= partner.sudo().activity_schedule(
                    activity_type_id=todo.id,
                    summary=summary,
                    note=_(
                        "Give the customer the holiday contact information "
                        "and send the greetings (SVC-RESP-01)."
                    ),
                    date_deadline=target - timedelta(days=1),
                    user_id=user.id,
                )
        return activities
