from . import common
from . import test_customer
from . import test_territory
from . import test_visit
from . import test_plan
from . import test_newbranch
from . import test_brand
from . import test_brand_followup
