// Exponential template instantiation: the compiler must be stopped (depth, time or memory) -> CE.
template <int N> struct Bomb { static const long long value = Bomb<N - 1>::value + Bomb<N - 2>::value; };
template <> struct Bomb<0> { static const long long value = 1; };
template <> struct Bomb<1> { static const long long value = 1; };
int main() { return Bomb<100000>::value; }
