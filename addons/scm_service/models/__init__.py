from . import res_partner

# [areas]
from . import hq_helpdesk_ticket_category
from . import hq_service_escalation
from . import hq_service_bulletin
from . import hq_service_bulletin_line
from . import hq_service_bulletin_month
from . import hq_disc_request
from . import hq_project_project
