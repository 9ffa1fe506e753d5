from . import res_partner

# [areas]
# customers: service file, plans, archive, visits, needs survey
from . import customers_res_partner
from . import customers_res_company
from . import customers_service_adjustment
from . import customers_service_plan
from . import customers_service_plan_line
from . import customers_service_plan_adjust
from . import customers_scm_contract
from . import customers_scm_customer_visit
from . import customers_service_visit_coverage
from . import customers_service_survey_plan
