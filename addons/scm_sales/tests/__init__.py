from . import common
from . import test_customer
from . import test_territory
from . import test_market_partnership
from . import test_market_competitor
from . import test_market_product
