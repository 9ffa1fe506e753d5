from . import res_company
from . import res_partner
from . import crm_lead
from . import scm_sales_area_request
from . import scm_sales_area_report
from . import scm_customer_grading
from . import scm_customer_access_grant
from . import scm_customer_access_log
