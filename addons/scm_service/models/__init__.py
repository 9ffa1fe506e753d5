from . import res_partner

# [areas]
# customers: service file, plans, archive, visits, needs survey
from . import res_company
from . import customers_service_adjustment
from . import customers_service_plan
from . import customers_service_plan_line
from . import customers_service_plan_adjust
from . import customers_scm_contract
from . import customers_scm_customer_visit
from . import customers_service_visit_coverage
from . import customers_service_survey_plan
from . import hq_service_escalation
from . import hq_service_bulletin
from . import hq_service_bulletin_line
from . import hq_service_bulletin_month
from . import hq_disc_request
from . import hq_project_project

# requests
from . import helpdesk_ticket_category
from . import helpdesk_ticket_channel
from . import helpdesk_ticket_team
from . import helpdesk_sla
from . import helpdesk_ticket_sla
from . import helpdesk_ticket
