from . import res_partner

# [areas]
# requests
from . import helpdesk_ticket_category
from . import helpdesk_ticket_channel
from . import helpdesk_ticket_team
from . import helpdesk_sla
from . import helpdesk_ticket_sla
from . import helpdesk_ticket
from . import requests_res_company
from . import requests_res_partner
